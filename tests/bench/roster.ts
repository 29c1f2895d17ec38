/** A deterministic synthetic roster of n people, as a secretary's spreadsheet would hold it. */
const surnames =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段漕钱汤尹黎易常武乔贺赖龚文单';
const given =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国建军海燕晓梅立新振华志远雪琳国栋海峰丽娟大勇雅琴春梅晓燕文博';

export function syntheticRoster(n: number, seed = 7): { name: string; kind: string; unit: string; title: string }[] {
  let s = seed;
  const rand = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = (str: string) => [...str][Math.floor(rand() * [...str].length)];
  const kinds = ['专家学者', '群众代表', '企业/管理单位代表', '工作人员'];
  return Array.from({ length: n }, (_, i) => ({
    name: pick(surnames) + pick(given) + (rand() < 0.6 ? pick(given) : ''),
    kind: kinds[i % kinds.length],
    unit: `单位${i}`,
    title: '成员',
  }));
}
