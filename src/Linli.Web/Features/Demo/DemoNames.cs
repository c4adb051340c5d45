namespace Linli.Web.Features.Demo;

/// <summary>A Chinese name with its English (pinyin) form.</summary>
public sealed record DemoName(string Zh, string En);

/// <summary>The fixed name lists the demo data is drawn from. Places are modelled on real ones; people are invented.</summary>
internal static class DemoNames
{
    /// <summary>The twelve communities of the demo street (石桥铺街道), in code order.</summary>
    public static readonly DemoName[] ShiqiaopuCommunities =
    [
        new("石桥铺社区", "Shiqiaopu Community"),
        new("高庙村社区", "Gaomiaocun Community"),
        new("渝州路社区", "Yuzhoulu Community"),
        new("石新路社区", "Shixinlu Community"),
        new("兰美路社区", "Lanmeilu Community"),
        new("石杨路社区", "Shiyanglu Community"),
        new("科园一路社区", "Keyuan Yilu Community"),
        new("科园四路社区", "Keyuan Silu Community"),
        new("陈家坪社区", "Chenjiaping Community"),
        new("石小路社区", "Shixiaolu Community"),
        new("朝田村社区", "Chaotiancun Community"),
        new("彩云湖社区", "Caiyunhu Community"),
    ];

    /// <summary>Changchun's districts with their codes, and the streets of each.</summary>
    public static readonly (string Code, DemoName Name, DemoName[] Streets)[] ChangchunDistricts =
    [
        ("220102", new("南关区", "Nanguan District"), Streets(
            ("南岭", "Nanling"), ("自强", "Ziqiang"), ("民康", "Minkang"), ("新春", "Xinchun"), ("长通", "Changtong"), ("全安", "Quan'an"),
            ("曙光", "Shuguang"), ("永吉", "Yongji"), ("桃源", "Taoyuan"), ("鸿城", "Hongcheng"), ("明珠", "Mingzhu"))),
        ("220103", new("宽城区", "Kuancheng District"), Streets(
            ("新发", "Xinfa"), ("站前", "Zhanqian"), ("南广场", "Nanguangchang"), ("东广场", "Dongguangchang"), ("群英", "Qunying"),
            ("兴业", "Xingye"), ("凯旋", "Kaixuan"), ("团山", "Tuanshan"), ("欣园", "Xinyuan"), ("柳影", "Liuying"))),
        ("220104", new("朝阳区", "Chaoyang District"), Streets(
            ("前进", "Qianjin"), ("桂林", "Guilin"), ("南湖", "Nanhu"), ("永昌", "Yongchang"), ("重庆", "Chongqing"),
            ("清和", "Qinghe"), ("红旗", "Hongqi"), ("湖西", "Huxi"), ("富锋", "Fufeng"), ("安达", "Anda"))),
        ("220105", new("二道区", "Erdao District"), Streets(
            ("东盛", "Dongsheng"), ("吉林", "Jilin"), ("荣光", "Rongguang"), ("东站", "Dongzhan"), ("远达", "Yuanda"),
            ("八里堡", "Balipu"), ("长青", "Changqing"), ("和顺", "Heshun"), ("福安", "Fu'an"))),
        ("220106", new("绿园区", "Lüyuan District"), Streets(
            ("正阳", "Zhengyang"), ("普阳", "Puyang"), ("铁西", "Tiexi"), ("青年", "Qingnian"), ("春城", "Chuncheng"),
            ("同心", "Tongxin"), ("林园", "Linyuan"), ("锦程", "Jincheng"))),
        ("220112", new("双阳区", "Shuangyang District"), Streets(
            ("云山", "Yunshan"), ("平湖", "Pinghu"), ("奢岭", "Sheling"), ("山河", "Shanhe"))),
    ];

    /// <summary>Stems for generated community names: "幸福社区" / "Xingfu Community".</summary>
    public static readonly DemoName[] CommunityStems =
    [
        new("幸福", "Xingfu"), new("和平", "Heping"), new("光明", "Guangming"), new("长青", "Changqing"), new("东风", "Dongfeng"),
        new("建设", "Jianshe"), new("胜利", "Shengli"), new("友谊", "Youyi"), new("新华", "Xinhua"), new("民主", "Minzhu"),
        new("团结", "Tuanjie"), new("繁荣", "Fanrong"), new("锦绣", "Jinxiu"), new("阳光", "Yangguang"), new("丰收", "Fengshou"),
        new("翠湖", "Cuihu"), new("松苑", "Songyuan"), new("春华", "Chunhua"), new("秋实", "Qiushi"), new("明德", "Mingde"),
        new("安居", "Anju"), new("和谐", "Hexie"), new("兴隆", "Xinglong"), new("华侨", "Huaqiao"), new("文化", "Wenhua"),
        new("育才", "Yucai"), new("铁北", "Tiebei"), new("湖光", "Huguang"), new("西安", "Xi'an"), new("平安", "Ping'an"),
        new("康宁", "Kangning"), new("福满", "Fuman"), new("瑞祥", "Ruixiang"), new("金桥", "Jinqiao"), new("银河", "Yinhe"),
        new("朝晖", "Zhaohui"), new("晨光", "Chenguang"), new("绿洲", "Lüzhou"), new("青松", "Qingsong"), new("红星", "Hongxing"),
    ];

    public static readonly string[] Surnames =
    [
        "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗",
        "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧", "程", "曹", "袁", "邓", "许", "傅", "沈", "曾", "彭", "吕",
    ];

    public static readonly string[] GivenNames =
    [
        "伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞",
        "平", "刚", "桂英", "建国", "建华", "志强", "海燕", "红梅", "晓东", "丽华", "玉兰", "淑珍", "国强", "春梅", "文博", "思远",
        "雨涵", "子轩", "浩然", "欣怡",
    ];

    /// <summary>A person's name drawn from <paramref name="random"/>, e.g. "陈海燕".</summary>
    public static string Person(Random random) =>
        Surnames[random.Next(Surnames.Length)] + GivenNames[random.Next(GivenNames.Length)];

    private static DemoName[] Streets(params (string Zh, string En)[] stems) =>
        [.. stems.Select(s => new DemoName(s.Zh + "街道", s.En + " Street"))];
}
