package dev.zhsearch.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zhsearch.convert.OpenccConfigs;
import dev.zhsearch.convert.ScriptFolder;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompanyMatcherTest {

    static final OpenccConfigs CONFIGS = new OpenccConfigs();
    static final ScriptFolder FOLDER = ScriptFolder.standard(CONFIGS);
    static final dev.zhsearch.convert.ScriptDetector SCRIPTS = new dev.zhsearch.convert.ScriptDetector(CONFIGS);
    static final CompanyMatcher STANDARD = new CompanyMatcher(CompanyTable.standard(), FOLDER, SCRIPTS);

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = ';', value = {
            "台積電擴產;tsmc", "台积电扩产;tsmc", "TSMC raises capex;tsmc", "股價：台積電（2330）;tsmc",
            "英偉達與輝達;nvidia", "英伟达和辉达;nvidia", "NVIDIA;nvidia",
            "美超微總裁;supermicro", "超微（AMD）;amd", "美超微與超微;supermicro amd",
            "三星電子;samsung", "下了三星期的雨;", "Samsung;samsung",
            "Meta宣布;meta", "metadata schema;", "Meta分析顯示;",
            "在社交平台X上發文;", "X光檢查;", "X(原Twitter);x-corp",
            "Dell'Orto carburettor;", "戴爾（Dell）;dell",
            "艾司摩爾與阿斯麦;asml", "緯創（3231）;wistron", "英業達;inventec", "仁寶;compal",
            "爬上汽车引擎盖;", "中国钢铁出口;", "張泰山出賽;", "泰山(1218)公告;tw-1218",
            "中國巨型貨輪;", "國巨法說會;yageo", "喝蘋果西打;", "蘋果發表新機;apple", "在臉書發文;", "臉書母公司Meta;meta",
            // a Chinese alias must fall on smartcn word boundaries: no block list needed for these
            "高通胀拖累经济;", "德國高通膨;", "高通財報;qualcomm", "努力成為全球第一;", "力成科技擴產;powertech",
            "台灣大學研究團隊;", "點點滴滴;", "滴滴出行上市;didi", "凱美瑞改款;",
            // Taiwan names that general text never uses match on their own (entities discover --general)
            "欣興、景碩齊揚;tw-3037 tw-3189", "巴威剛走又有熱帶擾動;", "威剛獲利創新高;tw-3260",
            // from the big-corpus precision audit
            "美軍“福特”號航母駛入紅海;", "俄羅斯聯合航空製造集團;", "福特汽車裁員;ford", "美國聯合航空班機;united-airlines",
            "美好夢想 奔馳在遼闊草原;", "賓士發表新車;mercedes",
            // teams named after their owners, and a platform as a medium (audit-zh100-seed22.tsv)
            "統一7-ELEVEn獅引發球迷矚目;", "7-ELEVEN門市;president-chain", "三星獅隊長;", "軟銀鷹投手;",
            "樂天桃猿Rakuten Girls成員;", "Rakuten 財報;rakuten", "診所Google評論區發文;", "Google 評論區;", "Google發表新模型;google", "新疆和碩團結公園;", "和碩法說會;pegatron",
            "代為轉達對索尼婭·甘地女士的問候;", "近現代中國建築領域的開創者;", "中國建築集團承建;cscec",
            "寒武紀之詩;", "蘋果發表新機;apple", "板栗、苹果、核桃等特色农产品;", "苹果公司发布新手机;apple", "蘇巧慧與洪耀福同台;", "中國石油化工集團召開會議;sinopec", "英國航空航天系統公司;", "全美三星高中生;",
            // ~aliases: only as an item of a list beside another company
            "日本汽車製造商豐田、本田和日產在最新季度;toyota honda nissan", "豐田與日產;toyota nissan",
            "本田圭佑進球;", "日產量達到3萬噸;", "本田和日產;",
            // companies no table knows, by legal form or group word (OrgNames)
            "前往山西百信信息技术有限公司，考察;org:山西百信信息技术", "前往山西百信信息技術有限公司;org:山西百信信息技术",
            "习近平来到北京能源投资集团有限公司所属京桥热电;org:北京能源投资集团", "輝達及SK集團將宣布;nvidia org:SK集团",
            // (the news writes 中船重工 and 中国船舶重工 before 公司 often enough: entities/corpus-names.tsv names them)
            "由中船重工集团自主研发;org:中船重工", "中国船舶重工集团公司所属;org:中国船舶重工", "奥博穆感谢中方对大众集团在华发展的支持;volkswagen", "第54集团军某部;", "加入詐騙集團擔任車手;", "二十国集团领导人峰会;",
            "该集团表示;", "拉美最大传媒集团;", "台積電集團;tsmc", "國家電網有限公司;state-grid",
            // an A-share named by the country and a common word is a phrase as often (audit-200-seed2605.tsv):
            // the company with its code, 股份 or beside another company; its group is the state's
            "中国船舶工业发展迅速;", "中国核电事业;", "中国船舶(600150)公告;cn-600150", "中国移动、中国船舶等央企股;china-mobile cn-600150",
            "中国移动发布财报;china-mobile",
            // names the press writes before company words (entities/corpus-names.tsv), bare where they stand as words
            // (two characters only beside a word of the market or of its business, or with a company word: ^台糖)
            "中聯油脂表示;org:中联油脂", "東京電力公司排放處理水;org:东京电力", "台糖公司表示;org:台糖", "台糖董事長表示;org:台糖",
            "台糖表示將調漲糖價;", "記者洪美秀報導;",
            // Taiwan's finance names end as group words do: an investment trust, a life insurer
            "施羅德投信表示;org:施罗德投信", "保誠人壽總經理;org:保诚人寿", "這家投信表示;", "國泰人壽推出保單;cathay-life",
            // a word of the market right after a name ends it, however the segmenter joins them (大立|光亮|燈,
            // 台|積|電大|跌: 光亮 "bright", 電大 a TV university); inside a longer word a name still is none
            "大立光亮燈漲停;largan", "台積電大跌180元;tsmc", "南亞科大漲;nanya-tech", "中國航天科技集團公司所屬;casc",
            "努力成為營收第一;",
            // Taiwan's press shortens TSMC to 台積 (台積法說, Sony台積), and writes its price after 站
            // (台|積|電站); inside other words 台積 is none (平台|積極)
            "觀望台積法說;tsmc", "Sony台積強強聯手;sony tsmc", "台積電站2395元;tsmc", "台積電站上千元;tsmc", "平台積極布局;",
            // a plain 公司: the name sheds the verbs it begins with, begins (after places) with a word no
            // dictionary lists, or a country's 國家; kinds, counts and clauses are none (entities/org-names.txt: plain)
            "在临汾钢铁公司，李克强听到;org:临汾钢铁", "惊悉印尼狮航公司一架客机;org:印尼狮航", "美国玛氏公司23号宣布;org:美国玛氏",
            "巴西国家传媒公司签署合作协议;org:巴西国家传媒", "萬代株式會社;org:万代",
            "一家科技公司表示;", "美國科技公司紛紛裁員;", "集装箱班轮公司运价上涨;", "日本信用卡代收代付公司;",
            "台灣有新百貨公司了;", "吸引更多中国公司参与;", "上汽乘用车郑州分公司二期;",
            // a thing named after a company is none (thingafter): a stadium, a team, a laboratory, a department
            "亞特蘭大梅賽德斯-賓士體育場燃起戰火;", "广州恒大足球队收获最佳;", "恒大地产公布;evergrande",
            "率領綠色動力實驗室學生;", "根据马来西亚航空部门的研究;", "台中市中區台灣大道一段;",
            "百度搜索指数上升;", "連撞Toyota轎車後;", "Netflix《不良一族》第二季;", "Netflix財報亮眼;netflix",
            // a car and its driver (thingafter 車, 女; thingbefore 開, 駕駛, colours, 中古), a cup, a platform's
            // map, reviews, sellers and shows; companyafter keeps the company (賓士車廠, 台積電女員工)
            "彰化埔心發生賓士車撞機車事故;", "台中賓士女毒駕;", "劉女開賓士撞死;", "遭駕駛特斯拉的男子撞傷;",
            "坐上對方駕駛的紅色法拉利離場;", "網路直播買「中古保時捷」;", "台塑盃國際男網賽;", "緯創女子公開賽;",
            "賓士車廠宣布裁員;mercedes", "嘉義台積電女員工;tsmc", "公開台積電的財報;tsmc", "台積電召開股東會;tsmc",
            "海外熱賣近18萬輛比亞迪;byd", "台中分店在Google地圖上顯示暫停營業;", "百度热搜词的排行榜;", "一名蝦皮賣家分享;",
            "Netflix新劇《鐵拳教育》;", "蝦皮財報;sea",
            // the verb 奔馳 beside what speeds (列車奔馳在大地上, 奔馳著, 高鐵奔馳)
            "500多列旅客列車奔馳在神州大地;", "地铁和轻轨上，奔驰着中国造的各种机车;", "神舟飞天、高铁奔驰、北斗导航;",
            "拿到了德国奔驰的大额订单;mercedes",
            // names inside phrases that name no company; 甲骨文 is Oracle only in Traditional text (Taiwan's press)
            "中国银行间市场交易商协会;", "面對新中國石油資源匱乏;", "中国石油发布公告;petrochina", "非洲最大摩天轮;",
            "前進三星國中;", "殷墟甲骨文的重大发现;", "甲骨文公司发布财报;oracle", "OpenAI與甲骨文簽約;openai oracle",
            "在社群平台X發文表示;", "X平台在美推出銀行服務;x-corp",
            // a name right after a person's title, or two characters after it, is part of the person's; one
            // right before a one-character place word is a place's (titlebefore, placeafter)
            "埃塞俄比亚总理海尔马里亚姆陪同;", "助理国务卿福特讨论了核储备;", "芝加哥市长莱特福特17日表示;",
            "美国前州长和谷歌高管访问朝鲜;google", "北美五大湖之一的伊利湖有98%的湖水结冰;", "考察目标夏普山;",
            "海尔山东工厂投产;haier", "中聯油脂市占35%;org:中联油脂", "台積電市值;tsmc",
            // before a legal form or group word too, the name sheds the verbs of two characters or more it begins with
            "他还察看华茂供热有限公司;org:华茂供热", "现更名鑫勵有限公司;org:鑫励", "记者从中储粮集团获悉;org:中储粮集团",
            "杰克缝纫机股份有限公司;org:杰克缝纫机",
            // a state group named without its group word where a part of the name is its own (cn-soe.tsv)
            "中国诚通、中国石化集团等多家央企表示;soe-sasac-57 sinopec", "中国华能在青海建设光伏电站;huaneng", "中国航天科技的发展;",
            // a list of firms that names a company the tables know names its other items too (listend)
            "座谈会上，美团、小红书、海智在线、阿里云等企业负责人先后发言;meituan org:小红书 org:海智在线 alibaba-cloud",
            "鲁花、洋河、郎酒等企业分别捐赠;", "钢铁、焦化、水泥等企业;", "医用防护服、口罩等企业加快复工;",
            // the list's first item starts after a stop word; after 等 or a conjunction only a known company
            // counts (the people before 等专家和 are another list); the last two items joined by 及
            "蔡昉、刘俏、陆挺等专家和美的集团、温氏食品、安馨养老等企业负责人发了言;midea org:温氏食品 org:安馨养老",
            "包括凡燒臘、洪瑞珍及愛之味等業者;org:凡烧腊 org:洪瑞珍 tw-1217", "在沈阳远大集团、盘锦和运公司等民营企业;org:沈阳远大集团",
            "警政署、財政部關務署、海巡署及中油等公司機關;cpc", "黄益平、何德旭等企业家和美团;meituan",
            // a name kept for lists right before a word of its own things names its company anywhere (ownword);
            // before a word of the market that follows ordinary words too, it does not
            "為致癌油道歉！泰山董座：停售;tw-1218", "利空衝擊下，泰山股價今日重挫;tw-1218", "登上泰山山頂;",
            "積極开展股票投资;",
            // a Latin name right after a kind of company is a company's (kindbefore); not an acronym, not a flight
            "德商Kontron籲股東拒接受樺漢;org:Kontron tw-6414", "美國品牌OCTROT委託中國浙江省杭州;org:OCTROT",
            "美國意見調查公司Verasight本月發布的民調;org:Verasight", "英國廣播公司BBC報導;", "航空公司MH370失聯;", "企業AI轉型;",
            "法國甜點品牌LADURÉE來台;org:LADURÉE"})
    void findsCompaniesAndAvoidsTraps(String text, String expected) {
        List<String> want = expected == null ? List.of() : List.of(expected.split(" "));
        assertEquals(want, STANDARD.companies(text));
    }

    @Test
    void everyShippedNameIsWholeText() {
        // a name read in the wrong encoding arrives with U+FFFD (宏碁 was once 宏\uFFFD\uFFFD)
        for (Company c : CompanyTable.standard().companies()) {
            for (String name : List.of(c.nameHant(), c.nameHans(), String.join("|", c.aliases()))) {
                assertTrue(name.indexOf('\uFFFD') < 0, c.id() + ": " + name);
            }
        }
    }

    @Test
    void firstMentionOrderAndNoDuplicates() {
        assertEquals(List.of("tesla", "samsung"), STANDARD.companies("特斯拉與三星簽約，特斯拉股價上漲，三星也漲"));
    }

    @Test
    void aBadLineIsAnErrorThatNamesTheLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CompanyTable.parse(
                "# comment\nacme\t甲\t甲\tAcme\t\nbroken line without tabs\n", "my.tsv"));
        assertTrue(e.getMessage().startsWith("my.tsv:3: expected 5 TAB-separated columns"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CompanyTable.parse("Bad Id\t甲\t甲\tA\t\n", "x.tsv"));
        assertTrue(e.getMessage().startsWith("x.tsv:1: id must be"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CompanyTable.parse("org:\t甲\t甲\tA\t\n", "x.tsv"));
        assertTrue(e.getMessage().startsWith("x.tsv:1: id must be"), e.getMessage());
        // a company no registry lists is named by org: and its folded name, as the recogniser names one
        assertEquals("org:台糖", CompanyTable.parse("org:台糖\t台糖\t台糖\t[台糖]\t\n", "x.tsv").get("org:台糖").orElseThrow().id());
        e = assertThrows(IllegalArgumentException.class, () -> CompanyTable.parse("!block\t\n", "x.tsv"));
        assertTrue(e.getMessage().startsWith("x.tsv:1:"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CompanyTable.parse("a\t\t甲\tA\t\n", "x.tsv"));
        assertTrue(e.getMessage().contains("empty name"), e.getMessage());
    }

    @Test
    void anAliasClaimedByTwoCompaniesIsRefused() {
        CompanyTable t = CompanyTable.parse("a\t甲公司\t甲公司\tA\tshared\nb\t乙公司\t乙公司\tB\tShared\n", "x.tsv");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CompanyMatcher(t, FOLDER, SCRIPTS));
        assertTrue(e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("shared (") && e.getMessage().contains("a") && e.getMessage().contains("b"), e.getMessage());
    }

    @Test
    void bracketedNamesAreShownButNotMatchedAndBlocksWin() {
        CompanyTable t = CompanyTable.parse("taishan\t[泰山]\t[泰山]\t[Taishan]\t泰山企業\n!block\t泰山企業大樓\n", "x.tsv");
        CompanyMatcher m = new CompanyMatcher(t, FOLDER, SCRIPTS);
        assertEquals("泰山", t.get("taishan").orElseThrow().nameHant());
        assertEquals(List.of(), m.companies("登泰山"));
        assertEquals(List.of("taishan"), m.companies("泰山企業公告"));
        assertEquals(List.of(), m.companies("泰山企業大樓落成"));
    }

    @Test
    void aPartOfAForeignPersonsNameIsNoCompany() {
        CompanyTable t = CompanyTable.parse("hilton\t希爾頓\t希尔顿\tHilton\t希爾頓|希尔顿\n", "x.tsv");
        CompanyMatcher m = new CompanyMatcher(t, FOLDER, SCRIPTS);
        assertEquals(List.of("hilton"), m.companies("希尔顿宣布在亚洲扩张"));
        assertEquals(List.of(), m.companies("首席警探希尔顿·博塔将面临指控"), "a given name before a name dot");
        assertEquals(List.of(), m.companies("名媛帕麗斯·希爾頓出席"), "a family name after one");
    }

    @Test
    void laterLinesAddAliasesToAnId() {
        CompanyTable t = CompanyTable.parse("acme\t甲\t甲\tAcme\tAcme Corp\nacme\t乙\t乙\tB\t阿克米\n", "x.tsv");
        assertEquals("甲", t.get("acme").orElseThrow().nameHant());
        assertEquals(List.of("acme"), new CompanyMatcher(t, FOLDER, SCRIPTS).companies("阿克米"));
    }

    @Test
    void mentionsPointAtTheOriginalCharacters() {
        String text = "ＡＩ伺服器：輝達與台積電（2330）合作，三星期後出貨";
        List<CompanyMatcher.Mention> m = STANDARD.mentions(text);
        assertEquals(List.of("nvidia", "tsmc"), m.stream().map(CompanyMatcher.Mention::company).distinct().toList());
        assertEquals("輝達", text.substring(m.get(0).start(), m.get(0).end()));
        assertEquals("台積電", text.substring(m.get(1).start(), m.get(1).end()));
        assertEquals(STANDARD.companies(text), m.stream().map(CompanyMatcher.Mention::company).distinct().toList());
    }

    @Test
    void aRecognisedNamePointsAtItsCharactersAndKeepsTheTableFirst() {
        String text = "韩正来到山西烁科晶体有限公司，考察碳化硅";
        List<CompanyMatcher.Mention> m = STANDARD.mentions(text);
        assertEquals(1, m.size(), m.toString());
        assertEquals("org:山西烁科晶体", m.getFirst().company());
        assertEquals("山西烁科晶体有限公司", text.substring(m.getFirst().start(), m.getFirst().end()));
        // a table alias inside the name wins: no second value for the same company
        assertEquals(List.of("huawei"), STANDARD.companies("华为技术有限公司发布"));
    }

    @Test
    void aListOnlyAliasNeedsACompanyBesideIt() {
        CompanyTable t = CompanyTable.parse("a\t甲工汽車\t甲工汽车\tA\t~甲工\nb\t乙汽車\t乙汽车\tB\t乙汽車\n", "x.tsv");
        CompanyMatcher m = new CompanyMatcher(t, FOLDER, SCRIPTS);
        assertEquals(List.of("b", "a"), m.companies("乙汽車、甲工"));
        assertEquals(List.of("b", "a"), m.companies("乙汽車.甲工"), "Taiwan's market lists put a dot between names");
        assertEquals(List.of(), m.companies("甲工說"));
        assertEquals(List.of("b"), m.companies("乙汽車說甲工"));
    }

    @Test
    void aNameWithAStockCodeIsACompanyEvenWhenNoTableListsIt() {
        CompanyTable t = CompanyTable.parse("a\t甲工汽車\t甲工汽车\tA\t甲工汽車|(1234)\n", "x.tsv");
        CompanyMatcher m = new CompanyMatcher(t, FOLDER, SCRIPTS);
        String text = "晶圓代工廠力積電（6770）與甲工汽車（1234）";
        List<CompanyMatcher.Mention> found = m.mentions(text);
        assertEquals(List.of("org:力积电", "a"), found.stream().map(CompanyMatcher.Mention::company).distinct().toList());
        assertEquals("力積電（6770）", text.substring(found.getFirst().start(), found.getFirst().end()));
        // a year in brackets is no code, and a name needs a Han character before the bracket
        assertEquals(List.of(), m.companies("世界盃足球賽（2026）開幕；（6770）"));
        // a listed mainland code (6 digits) after a name too
        assertEquals(List.of("org:晶合集成"), m.companies("晶合集成(688249)公布年报"));
    }

    @Test
    void aTablesNameInsideALongerGroupNameIsAnotherCompanyUnlessTheRestIsItsOwn() {
        CompanyTable t = CompanyTable.parse("s\t中國船舶\t中国船舶\tS\t\nv\t大眾\t大众\tV\t\n", "x.tsv");
        CompanyMatcher m = new CompanyMatcher(t, FOLDER, SCRIPTS);
        assertEquals(List.of("org:中国船舶重工集团"), m.companies("中国船舶重工集团公司所属"));
        assertEquals(List.of("v"), m.companies("大众汽车集团在华投资"));
        assertEquals(List.of("s"), m.companies("中国船舶今日公告"));
    }

    @Test
    void aMakersNameBeforeAModelNamesTheProductNotTheCompany() {
        assertEquals(List.of(), STANDARD.companies("一架波音737客機降落"));
        assertEquals(List.of(), STANDARD.companies("空客A330飞抵"));
        assertEquals(List.of("boeing"), STANDARD.companies("波音公司交付737客機"));
        assertEquals(List.of("samsung"), STANDARD.companies("三星2024年營收創高"));
        assertEquals(List.of("boeing"), STANDARD.companies("波音300架訂單"));
        assertEquals(List.of("meta"), STANDARD.companies("Meta Q2營收年增28%"));
    }

    @Test
    void aNameKeptForListsNamesItsCompanyBesideAWordOfTheMarket() {
        CompanyTable t = CompanyTable.parse("p\t[力成]\t[力成]\t[PTI]\t^力成|力成(6239)\ng\t[全國]\t[全国]\t[Gas]\t~全國\n", "x.tsv");
        CompanyMatcher m = new CompanyMatcher(t, FOLDER, SCRIPTS);
        assertEquals(List.of("p"), m.companies("力成股價今天亮燈漲停"));
        assertEquals(List.of("p"), m.companies("封測廠力成公布7月營收"));
        // without the market's words, the word it also is (努力成为 aside, 努力 | 力成 in prose)
        assertEquals(List.of(), m.companies("他的力成就了這一切"));
        // a common word kept for lists only (~) stays a word beside the market's words too
        assertEquals(List.of(), m.companies("全國股市今天大漲"));
        // a surname just before: a person's given name (林力成), whatever the market says
        assertEquals(List.of(), m.companies("董事長林力成表示營收成長"));
        // a name kept for lists that begins a headline, a period and a word of the market: its company
        assertEquals(List.of("g"), m.companies("全國第二季及上半年營收"));
        assertEquals(List.of("g"), m.companies("標題\n全國7月營收創高"));
        assertEquals(List.of(), m.companies("全國25%醫院本業虧損"));
        assertEquals(List.of(), m.companies("報導指出全國7月營收"));
    }

    @Test
    void aMakersNameBeforeAProductsLatinNameNamesTheProduct() {
        assertEquals(List.of(), STANDARD.companies("三星Galaxy Z系列三機齊發"));
        assertEquals(List.of(), STANDARD.companies("全台瘋搶TOYOTA Crown Sport跑旅"));
        assertEquals(List.of(), STANDARD.companies("BMW X1天窗事件"));
        assertEquals(List.of(), STANDARD.companies("並於 Disney+ 獨家上線"));
        // words that keep the company's: its legal or corporate words, its officers, its results, its shares
        assertEquals(List.of("toyota"), STANDARD.companies("Toyota Motor公布財報"));
        assertEquals(List.of("apple"), STANDARD.companies("Apple CEO庫克訪台"));
        assertEquals(List.of("tsmc"), STANDARD.companies("台積電ADR大漲"));
        // Han text, a single letter or digits after the name are no product's name
        assertEquals(List.of("samsung"), STANDARD.companies("三星電子今天公布"));
        assertEquals(List.of("toyota"), STANDARD.companies("TOYOTA電動休旅bZ4X在日本"));
        // a drug's or project's code: the text reports on its maker
        assertEquals(List.of("samsung"), STANDARD.companies("三星AB-101二期臨床完成"));
    }

    /** A name ends before a list's conjunction, though the segmenter joins them (微|软和|英特尔: 软和 is "soft"). */
    @Test
    void aNameEndsBeforeAConjunction() {
        assertEquals(List.of("dell", "hp", "microsoft", "intel"), STANDARD.companies("戴尔、惠普、微软和英特尔等美国多家电脑业巨头"));
        assertEquals(List.of("microsoft"), STANDARD.companies("美国微软公司"), "微软公司 is Microsoft, not a brand of its own");
        assertEquals(List.of(), STANDARD.companies("努力成为"), "a name inside a word still is none (力成)");
    }

    @Test
    void theGeneratedTablesReachTheLongTail() {
        // listings no hand table had: every TWSE/TPEx/興櫃 and A-share name comes from ../shared/data
        assertEquals(List.of("tw-1101"), STANDARD.companies("台泥今年獲利"));
        assertEquals(List.of("cn-600004"), STANDARD.companies("白云机场公司发布公告"));
        // an ordinary word stays out unless a company word or its code follows it
        assertEquals(List.of(), STANDARD.companies("白云机场航班恢复"));
        // reviewed: phrases that hold a name without meaning the company, and names that begin a phrase
        assertEquals(List.of(), STANDARD.companies("采取一箭三星方式发射"));
        assertEquals(List.of(), STANDARD.companies("支持中小企业和大企业融通发展"));
        assertEquals(List.of(), STANDARD.companies("今天國際垃圾食物日"));
        assertEquals(List.of(), STANDARD.companies("大成就"));
        assertEquals(List.of("tw-1210"), STANDARD.companies("大成(1210)股價"));
        // a listed name that is another company's in a hand table takes no company word: 三星集團 is Samsung's
        assertEquals(List.of("samsung"), STANDARD.companies("三星集團宣布投資"));
        assertEquals(List.of("tw-5007"), STANDARD.companies("三星科技股價"));
        // two-character names Taiwan's news uses mostly beside company and market words match alone there …
        assertEquals(List.of("tw-4904"), STANDARD.companies("遠傳推出新資費方案"));
        assertEquals(List.of("tw-3653"), STANDARD.companies("健策宣布在高雄擴建新廠"));
        // … in Traditional text only: CCTV's text is no evidence for them (精测风云, 百余家登上总台榜单)
        assertEquals(List.of(), STANDARD.companies("精测风云"));
        assertEquals(List.of(), STANDARD.companies("百余家登上总台榜单"));
        assertEquals(List.of(), STANDARD.companies("聯發宣布在越南擴建新廠"), "reviewed: 聯發 is MediaTek's 聯發科 cut short as often");
        // the big banks as CCTV shortens them; 中国投资 is "investment in China" far more than CIC
        assertEquals(List.of("icbc", "abc", "ccb", "boc", "bocom"), STANDARD.companies("工行、农行、建行、中行、交行等五大行"));
        assertEquals(List.of(), STANDARD.companies("扩大对中国投资"));
        assertEquals(List.of("cic"), STANDARD.companies("中投公司"));
        // reviewed: a kind of company is no company (機器人公司, though 机器人 is Siasun's listed short name)
        assertEquals(List.of("tw-2332"), STANDARD.companies("友訊成立機器人公司"));
        assertEquals(List.of("cn-300024"), STANDARD.companies("机器人(300024)股价"));
    }

    @Test
    void rulesFromADirectoryReadTheVerbsBesideThem(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        // an earlier version's rules to compare with (bench companies --baseline): the verbs its plain
        // names were written with are read from the same directory, not left out
        for (String file : List.of("org-names.txt", "verbs.txt", "common-words.txt")) {
            try (var in = CompanyMatcherTest.class.getClassLoader().getResourceAsStream("entities/" + file)) {
                java.nio.file.Files.copy(in, dir.resolve(file));
            }
        }
        CompanyMatcher withVerbs = new CompanyMatcher(CompanyTable.standard(), FOLDER, SCRIPTS, dir);
        assertEquals(List.of("org:鑫励"), withVerbs.companies("現更名鑫勵有限公司"));
        java.nio.file.Files.delete(dir.resolve("verbs.txt"));
        CompanyMatcher noVerbs = new CompanyMatcher(CompanyTable.standard(), FOLDER, SCRIPTS, dir);
        assertEquals(List.of("org:更名鑫励"), noVerbs.companies("現更名鑫勵有限公司"), "the verbs are what shed 更名");
    }

    @Test
    void aBadOrgRuleLineNamesTheLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OrgNames.read(
                new java.io.StringReader("# rules\nlegal\t有限公司\nsuffix\t公司\n"), "org.txt", s -> s));
        assertTrue(e.getMessage().startsWith("org.txt:3: unknown kind 'suffix'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> OrgNames.read(new java.io.StringReader("stop\n"), "org.txt", s -> s));
        assertTrue(e.getMessage().startsWith("org.txt:1: expected KIND<TAB>"), e.getMessage());
    }

    @Test
    void anAliasLimitedToAScriptNamesTheCompanyOnlyThere() {
        CompanyTable t = CompanyTable.parse("fruitco\t[果]\t[果]\tFruitCo\t蘋果@hant|果公司\n", "t.tsv");
        CompanyMatcher m = new CompanyMatcher(t, FOLDER, SCRIPTS);
        assertEquals(List.of("fruitco"), m.companies("蘋果發表新機，股價上漲"));
        assertEquals(List.of(), m.companies("苹果发布新机，股价上涨"));
        assertEquals(List.of("fruitco"), m.companies("苹果发布新机", dev.zhsearch.convert.Script.TRADITIONAL));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CompanyTable.parse("fruitco\t果\t果\tF\t蘋果@hnt\n", "t.tsv"));
        assertTrue(e.getMessage().startsWith("t.tsv:1: alias '蘋果@hnt'"), e.getMessage());
    }

    @Test
    void theIndexersFoldedTextFindsWhatTheRawTextFinds() throws Exception {
        // the indexer matches on the title and body as the analyzer folded them (once, for all fields);
        // on every gold document that must find exactly what matching the raw text finds
        dev.zhsearch.analysis.ZhAnalyzer analyzer = new dev.zhsearch.analysis.ZhAnalyzer(FOLDER, dev.zhsearch.analysis.ZhAnalyzer.Mode.WORDS);
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        int docs = 0;
        int withCompanies = 0;
        for (String file : List.of("/entities/gold.jsonl", "/entities/heldout.jsonl")) {
            String text = new String(CompanyMatcherTest.class.getResourceAsStream(file).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                var o = json.readTree(line);
                String title = o.path("title").asText();
                String body = o.path("body").asText();
                var script = SCRIPTS.detect(title + "\n" + body);
                List<String> raw = STANDARD.companies(title + "\n" + body, script);
                List<String> folded = STANDARD.companiesInFolded(analyzer.fold(title).text() + "\n" + analyzer.fold(body).text(), script);
                assertEquals(raw, folded, o.path("id").asText());
                docs++;
                withCompanies += raw.isEmpty() ? 0 : 1;
            }
        }
        assertTrue(docs >= 200 && withCompanies >= 20, docs + " documents, " + withCompanies + " with companies");
    }
}
