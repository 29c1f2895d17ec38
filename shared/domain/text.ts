// C0 controls and DEL. Line breaks and tabs are allowed only in multi-line fields.
const CONTROL_SINGLE_LINE = /[\u0000-\u001F\u007F]/;
const CONTROL_MULTI_LINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export function hasControlChars(s: string, multiline = false): boolean {
  return (multiline ? CONTROL_MULTI_LINE : CONTROL_SINGLE_LINE).test(s);
}

/** True when the string contains at least one CJK ideograph. */
export function hasHan(s: string): boolean {
  return /\p{Script=Han}/u.test(s);
}
