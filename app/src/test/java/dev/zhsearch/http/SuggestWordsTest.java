package dev.zhsearch.http;

import static dev.zhsearch.http.SuggestCalls.doc;
import static dev.zhsearch.http.SuggestCalls.serving;
import static dev.zhsearch.http.SuggestCalls.suggestions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zhsearch.corpus.SourceDoc;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Suggestions by sound for a place that is also a company's name and for mixed input: 台南, in many
 * titles, is suggested as the word for tainan even though a company of that name is named too; and the
 * characters typed among the letters are in every suggestion (台nan: not 死难 or 以南, which 台's rarer
 * readings si and yi would read).
 */
class SuggestWordsTest {

    @Test
    void aPlaceBeforeTheCompanyOfItsNameAndTypedCharactersKept(@TempDir Path dir) throws Exception {
        List<SourceDoc> docs = new ArrayList<>();
        String[] what = {"豪雨成災", "登革熱疫情升溫", "市長視察", "美食節開幕", "古蹟修復", "捷運動工", "議會開議", "觀光人潮",
                "停水通知", "馬拉松開跑", "跨年晚會", "地震有感", "夜市人潮", "機場擴建", "藝術節登場", "農產豐收"};
        for (int i = 0; i < what.length; i++) {
            docs.add(doc(i, "台南" + what[i], "台南市政府今天表示，" + what[i] + "。"));
        }
        // the company of the same name, named by its full name
        docs.add(doc(50, "台南企業營收創新高", "成衣大廠台南企業公布營收。"));
        // words the character's other readings make of the same letters
        for (int i = 0; i < 6; i++) {
            docs.add(doc(60 + i, "悼念死难者" + "一二三四五六".charAt(i), "各界悼念死难者。"));
            docs.add(doc(70 + i, "长江以南降雨" + "一二三四五六".charAt(i), "长江以南地区降雨。"));
        }
        serving(dir, docs, port -> {
            HttpClient client = HttpClient.newHttpClient();
            assertEquals("台南", suggestions(client, port, "tainan", "hans").getFirst(), "the city, in sixteen titles");
            List<String> mixed = suggestions(client, port, "台nan", "hans");
            assertEquals("台南", mixed.getFirst(), mixed.toString());
            assertTrue(mixed.stream().allMatch(s -> s.contains("台")), "every suggestion holds the character typed: " + mixed);
            assertTrue(suggestions(client, port, "sinan", "hans").contains("死难"), "the letters alone still read it");
        });
    }

    /**
     * Initials shared by a dictionary's word and a run of characters only the titles make one: the
     * word comes first though the run is in a title more (競爭力 in four, 吉斬龍 in five).
     */
    @Test
    void aDictionarysWordBeforeARunOfCharactersOnlyTheTitlesMakeOne(@TempDir Path dir) throws Exception {
        List<SourceDoc> docs = new ArrayList<>();
        String[] what = {"提升", "排名", "報告", "論壇", "調查"};
        for (int i = 0; i < 4; i++) {
            docs.add(doc(i, "產業競爭力" + what[i], "產業競爭力" + what[i] + "。"));
        }
        for (int i = 0; i < 5; i++) {
            docs.add(doc(10 + i, "吉斬龍" + what[i] + "登場", "吉斬龍" + what[i] + "登場。"));
        }
        serving(dir, docs, port -> {
            List<String> jzl = suggestions(client(), port, "jzl", "hant");
            assertTrue(jzl.contains("吉斬龍"), "the run is a suggestion too: " + jzl);
            assertTrue(jzl.indexOf("競爭力") >= 0 && jzl.indexOf("競爭力") < jzl.indexOf("吉斬龍"), jzl.toString());
        });
    }

    /**
     * A word no dictionary lists and no title holds, in the bodies of a few documents (公平会, the fair
     * trade commission as Taiwan shortens it), is spelled from its sound, in pinyin, Zhuyin or mixed;
     * a spelling that is a piece of a longer phrase (公平惠 of 公平惠及) is not, nor one no document holds.
     */
    @Test
    void aWordOnlyTheBodiesHoldSpelledFromItsSound(@TempDir Path dir) throws Exception {
        List<SourceDoc> docs = new ArrayList<>();
        String[] what = {"开罚", "调查", "约谈", "说明", "审议"};
        String[] when = {"今天", "昨日", "上午", "本周", "稍早"};
        for (int i = 0; i < 5; i++) {
            docs.add(doc(i, "业者遭处分" + i, when[i] + "公平会" + what[i] + "业者，结果下周公布。"));
            docs.add(doc(10 + i, "政策成果发布" + i, "政策要公平惠及每一位" + what[i] + "对象。"));
        }
        serving(dir, docs, port -> {
            for (String typed : List.of("gongpinghui", "gōng píng huì", "ㄍㄨㄥㄆㄧㄥㄏㄨㄟ", "公平hui")) {
                List<String> shown = suggestions(client(), port, typed, "hans");
                assertTrue(shown.contains("公平会"), typed + ": " + shown);
                assertTrue(!shown.contains("公平惠"), "a piece of 公平惠及: " + shown);
            }
            assertEquals("公平會", suggestions(client(), port, "gongpinghui", "hant").getFirst());
            // and a search of the letters alone, which find nothing as letters, searches for it
            var r = client().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                    "http://127.0.0.1:" + port + "/api/search?q=gongpinghui")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            var result = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
            assertEquals("公平會", result.path("byReading").path("word").asText(), r.body());
            for (int i = 0; i < 5; i++) {
                assertTrue(result.path("hits").get(i).path("snippets").get(0).asText().contains("<mark>公平会</mark>"), r.body());
            }
            assertEquals(List.of(), suggestions(client(), port, "gongpinghuo", "hans").stream()
                    .filter(w -> w.length() >= 3).toList(), "no document holds what the pairs would spell");
        });
    }

    /**
     * A spelling nearly always inside a longer phrase is still offered when it is words of the
     * dictionaries end to end (中央政治局, written 中共中央政治局), and a tone or a space typed ends
     * a syllable where it is typed; a word of the dictionaries is suggested from one document.
     */
    @Test
    void wordsEndToEndAreNoPieceTonesBoundSyllablesAndOneDocumentMakesADictionarysWord(@TempDir Path dir) throws Exception {
        List<SourceDoc> docs = new ArrayList<>();
        String[] what = {"召开会议", "审议报告", "研究部署", "听取汇报", "分析形势"};
        for (int i = 0; i < 5; i++) {
            docs.add(doc(i, "会议消息" + i, "中共中央政治局" + what[i] + "，会议由总书记主持。"));
        }
        docs.add(doc(9, "疫情通报", "卫生部门通报一例百日咳病例。"));
        serving(dir, docs, port -> {
            for (String typed : List.of("zhongyangzhengzhiju", "ㄓㄨㄥ ㄧㄤ ㄓㄥˋ ㄓˋ ㄐㄩˊ")) {
                List<String> shown = suggestions(client(), port, typed, "hans");
                assertTrue(shown.contains("中央政治局"), typed + ": " + shown);
            }
            assertTrue(suggestions(client(), port, "bairike", "hans").contains("百日咳"), "one document, a dictionary's word");
            assertTrue(suggestions(client(), port, "bai3ri4ke2", "hans").contains("百日咳"));
        });
    }

    /**
     * What one document holds is still suggested when typed whole: a phrase the lattice spells from
     * pairs many documents hold (年金改革, as written in one body), and a person one document names
     * (毛宁, by her title). A tag page's title (彈飛相關報導: a name and a label) makes no word, however
     * many such pages there are.
     */
    @Test
    void oneDocumentsPhraseAndPersonTypedWholeAndNoWordsFromTagPages(@TempDir Path dir) throws Exception {
        List<SourceDoc> docs = new ArrayList<>();
        String[] what = {"制度", "财务", "给付", "基金", "方案"};
        for (int i = 0; i < 5; i++) {
            docs.add(doc(i, "年金" + what[i] + "检讨" + i, "年金" + what[i] + "检讨，金改" + what[i] + "上路，改革" + what[i] + "推进。"));
        }
        docs.add(doc(9, "立法院三读", "立法院三读通过年金改革法案。"));
        docs.add(doc(10, "外交部例行记者会", "外交部发言人毛宁表示，中方对此表示关切。"));
        for (int i = 0; i < 5; i++) {
            docs.add(doc(20 + i, "彈飛相關報導" + (i == 0 ? "" : " 第" + (i + 1) + "頁"), "彈飛相關報導"));
        }
        serving(dir, docs, port -> {
            for (String typed : List.of("nianjingaige", "nian2jin1gai3ge2", "ㄋㄧㄢˊ ㄐㄧㄣ ㄍㄞˇ ㄍㄜˊ")) {
                List<String> shown = suggestions(client(), port, typed, "hans");
                assertTrue(shown.contains("年金改革"), typed + ": " + shown);
            }
            assertTrue(suggestions(client(), port, "maoning", "hans").contains("毛宁"), "a person one document names");
            for (String typed : List.of("tanfei", "tfxgbd", "tanfeixiangguan")) {
                List<String> shown = suggestions(client(), port, typed, "hant");
                assertTrue(shown.stream().noneMatch(w -> w.contains("相關")), typed + ": a tag page's title: " + shown);
            }
        });
    }

    /**
     * What no document holds is still offered for the whole of it typed, as an input method would:
     * a dictionary's word (双十节, in no summer's news) and a company of the tables (捷安特); not for
     * a beginning of it, and no search by sound goes to it (it would find nothing).
     */
    @Test
    void aWordOrCompanyNoDocumentHoldsOnlyForTheWholeOfItTyped(@TempDir Path dir) throws Exception {
        List<SourceDoc> docs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            docs.add(doc(i, "双石镇举办活动" + i, "双石镇今天举办活动。"));
        }
        docs.add(doc(9, "台積電法說會", "台積電今天舉行法說會。")); // (a company named: the index counts them)
        serving(dir, docs, port -> {
            for (String typed : List.of("shuangshijie", "shuang1shi2jie2", "ㄕㄨㄤ ㄕˊ ㄐㄧㄝˊ")) {
                assertTrue(suggestions(client(), port, typed, "hans").contains("双十节"), typed);
            }
            assertTrue(suggestions(client(), port, "jieante", "hant").contains("捷安特"), suggestions(client(), port, "jieante", "hant").toString());
            List<String> begun = suggestions(client(), port, "shuangshij", "hans");
            assertTrue(!begun.contains("双十节"), "a beginning of it: " + begun);
            assertTrue(!suggestions(client(), port, "jiean", "hant").contains("捷安特"), "a beginning of it");
            var r = client().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                    "http://127.0.0.1:" + port + "/api/search?q=shuangshijie")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            var result = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
            assertTrue(result.path("byReading").isMissingNode() || result.path("byReading").isNull(), r.body());
        });
    }

    /** Tones typed put a word read with them before one read otherwise, however more used (shi3shi1: 史诗, not 实施). */
    @Test
    void aWordReadWithTheTonesTypedComesFirst(@TempDir Path dir) throws Exception {
        List<SourceDoc> docs = new ArrayList<>();
        String[] what = {"新规", "方案", "计划", "办法", "条例", "政策", "措施", "细则"};
        for (int i = 0; i < what.length; i++) {
            docs.add(doc(i, "明年实施" + what[i], "有关部门表示明年起实施" + what[i] + "。"));
        }
        for (int i = 0; i < 3; i++) {
            docs.add(doc(20 + i, "史诗电影上映" + i, "一部史诗电影今天上映。"));
        }
        serving(dir, docs, port -> {
            assertEquals("实施", suggestions(client(), port, "shishi", "hans").getFirst(), "no tones: the more used");
            for (String typed : List.of("shi3shi1", "shǐ shī", "ㄕˇ ㄕ")) {
                assertEquals("史诗", suggestions(client(), port, typed, "hans").getFirst(), typed);
            }
            assertEquals("实施", suggestions(client(), port, "shi2shi1", "hans").getFirst());
        });
    }

    /**
     * A tone typed ends its syllable: lin2jian4 is no beginning of 临江 (lin jiang), however more used,
     * and a word read with the tones typed comes before every word read otherwise.
     */
    @Test
    void aSyllableTypedWithItsToneIsWhole(@TempDir Path dir) throws Exception {
        List<SourceDoc> docs = new ArrayList<>();
        String[] what = {"新区建设", "港口扩建", "大桥通车", "旅游旺季", "夜市开张", "机场启用", "工业园区", "江边步道"};
        for (int i = 0; i < 40; i++) {
            docs.add(doc(i, "临江" + what[i % what.length] + i, "临江市今天宣布" + what[i % what.length] + "。"));
        }
        for (int i = 0; i < 2; i++) {
            docs.add(doc(50 + i, "外交部例行记者会" + i, "外交部发言人林剑表示，中方对此表示关切。"));
        }
        serving(dir, docs, port -> {
            assertEquals("临江", suggestions(client(), port, "linjian", "hans").getFirst(), "no tone: jian may be begun, and 临江 is more used");
            for (String typed : List.of("lin2jian4", "lín jiàn", "ㄌㄧㄣˊ ㄐㄧㄢˋ")) {
                assertEquals("林剑", suggestions(client(), port, typed, "hans").getFirst(), typed);
            }
        });
    }

    /**
     * A word of two characters no dictionary lists and no title holds (村超, in the bodies of a few
     * documents) is spelled from its sound when no word of the table reads so; through a character's
     * rarer reading it is not (超 is only chao).
     */
    @Test
    void aTwoCharacterWordOnlyTheBodiesHoldSpelledFromItsSound(@TempDir Path dir) throws Exception {
        List<SourceDoc> docs = new ArrayList<>();
        String[] what = {"开幕", "决赛", "观众", "球队", "门票"};
        String[] where = {"今年", "贵州", "榕江", "热门", "首届"};
        for (int i = 0; i < what.length; i++) {
            docs.add(doc(i, "贵州足球赛事" + i, where[i] + "村超" + what[i] + "吸引游客。"));
        }
        serving(dir, docs, port -> {
            for (String typed : List.of("cunchao", "cūn chāo", "ㄘㄨㄣ ㄔㄠ", "村chao")) {
                assertTrue(suggestions(client(), port, typed, "hans").contains("村超"), typed + ": " + suggestions(client(), port, typed, "hans"));
            }
            assertTrue(!suggestions(client(), port, "cūn cháo", "hans").contains("村超"), "chao2 is no reading of 超");
        });
    }

    /**
     * A phrase of many syllables no table lists is composed of the table's words end to end, as for
     * initials, where the documents hold it: 社会主义 核心 价值观, though the index holds 核心 as 内核
     * (OpenCC pairs them, and the fold follows).
     */
    @Test
    void aLongPhraseComposedOfWordsEvenWhereTheFoldWritesOneOtherwise(@TempDir Path dir) throws Exception {
        List<SourceDoc> docs = new ArrayList<>();
        String[] who = {"学校", "社区", "企业", "机关", "农村"};
        for (int i = 0; i < who.length; i++) {
            docs.add(doc(i, "基层活动" + i, who[i] + "开展活动，培育和践行社会主义核心价值观。"));
        }
        serving(dir, docs, port -> {
            for (String typed : List.of("shehuizhuyihexinjiazhiguan", "ㄕㄜㄏㄨㄟㄓㄨㄧㄏㄜㄒㄧㄣㄐㄧㄚㄓㄍㄨㄢ", "shzyhxjzg")) {
                List<String> shown = suggestions(client(), port, typed, "hans");
                assertTrue(shown.contains("社会主义核心价值观"), typed + ": " + shown);
            }
        });
    }

    /**
     * Where one word of the table reads as typed (冬博会, in titles), a word the bodies hold that reads
     * so too (东博会) is spelled beside it; and typed characters choose between them (东博hui).
     */
    @Test
    void aSpellingBesideTheOneWordThatReadsSoAndTypedCharactersChoose(@TempDir Path dir) throws Exception {
        List<SourceDoc> docs = new ArrayList<>();
        String[] what = {"开幕", "闭幕", "签约", "展馆", "观众"};
        String[] where = {"本届", "首届", "今年", "云上", "这次"};
        for (int i = 0; i < what.length; i++) {
            docs.add(doc(i, "冬博会" + what[i], "哈尔滨冬博会" + what[i] + "。"));
            docs.add(doc(10 + i, "博览会消息" + i, where[i] + "东博会" + what[i] + "，成果丰硕。"));
        }
        serving(dir, docs, port -> {
            List<String> both = suggestions(client(), port, "dongbohui", "hans");
            assertTrue(both.contains("冬博会") && both.contains("东博会"), both.toString());
            assertEquals("东博会", suggestions(client(), port, "东博hui", "hans").getFirst());
        });
    }

    /**
     * Initials no word of the table has are composed of its words end to end (kdgldd: 凯达格兰 大道),
     * if documents hold the composition as written; a composition none holds is not offered.
     */
    @Test
    void initialsComposedOfWordsTheDocumentsHoldTogether(@TempDir Path dir) throws Exception {
        List<SourceDoc> docs = new ArrayList<>();
        String[] who = {"民众", "团体", "学生", "农民", "工会"};
        for (int i = 0; i < who.length; i++) {
            docs.add(doc(i, "周末集会" + i, who[i] + "今天在凯达格兰大道集会，要求政府回应。"));
            docs.add(doc(10 + i, "城市交通" + i, "这条大道今天封闭，" + who[i] + "改道而行。"));
        }
        serving(dir, docs, port -> {
            assertTrue(suggestions(client(), port, "kdgldd", "hans").contains("凯达格兰大道"),
                    suggestions(client(), port, "kdgldd", "hans").toString());
            assertEquals("凱達格蘭大道", suggestions(client(), port, "kdgldd", "hant").getFirst());
            assertEquals(List.of(), suggestions(client(), port, "kdglgh", "hans"), "no document holds 凯达格兰 before a gh word");
        });
    }

    /**
     * A phrase typed part way that no word of the table begins is spelled: its whole syllables, then
     * a character of the syllable begun (hesanch: 核三厂), and a spelling one character nearly always
     * follows is continued to the phrase it begins (gutianhui, gutianh: 古田会议), not by a character
     * that begins the next words (的).
     */
    @Test
    void aPhraseTypedPartWayIsSpelledAndContinued(@TempDir Path dir) throws Exception {
        List<SourceDoc> docs = new ArrayList<>();
        String[] what = {"停机", "除役", "检修", "重启", "评估"};
        String[] when = {"今天", "昨日", "上午", "本周", "稍早"};
        String[] who = {"学员", "党员", "师生", "干部", "游客"};
        String[] verb = {"重温", "学习", "追忆", "回顾", "纪念"};
        for (int i = 0; i < what.length; i++) {
            docs.add(doc(i, "能源政策" + i, when[i] + "核三厂" + what[i] + "，各方关注。"));
            docs.add(doc(10 + i, "红色教育" + i, when[i] + "，" + who[i] + verb[i] + "古田会议的" + what[i] + "故事。"));
        }
        serving(dir, docs, port -> {
            for (String typed : List.of("hesanch", "ㄏㄜㄙㄢㄔ")) {
                List<String> shown = suggestions(client(), port, typed, "hans");
                assertTrue(shown.contains("核三厂"), typed + ": " + shown);
            }
            for (String typed : List.of("gutianhui", "gutianh")) {
                List<String> shown = suggestions(client(), port, typed, "hans");
                assertTrue(shown.contains("古田会议"), typed + ": " + shown);
                assertTrue(shown.stream().noneMatch(w -> w.startsWith("古田会议") && w.length() > 4), "not continued by 的: " + shown);
            }
            assertEquals("古田會議", suggestions(client(), port, "gutianh", "hant").getFirst());
        });
    }

    /**
     * Characters typed complete to the words of the suggestions' table, the most used first, in the
     * script typed: a name the word analysis splits into characters (賴清德, 习近平), not that name with
     * the title's next character (賴清德稱), and the companies among them.
     */
    @Test
    void charactersTypedCompleteToNamesTheWordAnalysisSplits(@TempDir Path dir) throws Exception {
        List<SourceDoc> docs = new ArrayList<>();
        String[] what = {"出席活動", "視察災區", "接見外賓", "發表談話", "主持會議", "稱將改革", "稱無此事", "稱持續溝通"};
        for (int i = 0; i < what.length; i++) {
            docs.add(doc(i, "賴清德" + what[i], "總統賴清德今天" + what[i] + "，媒體關注。"));
        }
        String[] cn = {"会见外宾", "出席会议", "发表讲话", "主持座谈", "考察调研"};
        for (int i = 0; i < cn.length; i++) {
            docs.add(doc(20 + i, "习近平" + cn[i], "国家主席习近平今天" + cn[i] + "。"));
        }
        docs.add(doc(30, "台積電營收創新高", "台積電今天公布營收。"));
        serving(dir, docs, port -> {
            // (typed by sound, a question waits for the table; characters typed take what there is meanwhile)
            assertEquals("賴清德", suggestions(client(), port, "laiqingde", "hant").getFirst());
            List<String> lai = suggestions(client(), port, "賴清", null);
            assertEquals("賴清德", lai.getFirst(), lai.toString());
            assertTrue(lai.stream().noneMatch(w -> w.startsWith("賴清德稱")), "the name and the title's next character: " + lai);
            List<String> xi = suggestions(client(), port, "习近", null);
            assertEquals("习近平", xi.getFirst(), xi.toString());
            assertEquals("習近平", suggestions(client(), port, "习近", "hant").getFirst(), "in the display script asked for");
            assertEquals("台積電", suggestions(client(), port, "台積", null).getFirst());
            assertEquals(List.of("台積電"), suggestions(client(), port, "台積電", null), "a company by its display name, once");
        });
    }

    /**
     * Characters typed that no word of the table begins, where the documents nearly always go on with
     * the same characters (a body's organisation, no title's word or dictionary's), complete to the
     * phrase the documents continue them to, in the script typed; characters the documents go on from
     * in many ways are not continued.
     */
    @Test
    void charactersTypedThatThePhraseOfTheDocumentsBeginsCompleteToIt(@TempDir Path dir) throws Exception {
        List<SourceDoc> docs = new ArrayList<>();
        String[] what = {"舉辦論壇", "發表報告", "召開年會", "拜會部長", "提出建言", "舉行記者會"};
        for (int i = 0; i < what.length; i++) {
            docs.add(doc(i, "業界" + what[i] + "第" + i + "場", "由台灣能源轉型促進會" + what[i] + "，各界出席。"));
        }
        String[] after = {"市場", "政策", "計畫", "產業", "技術", "人才"};
        for (int i = 0; i < after.length; i++) {
            docs.add(doc(10 + i, "地方新聞第" + i + "則", "推動能源轉型" + after[i] + "，成效可期。"));
        }
        serving(dir, docs, port -> {
            suggestions(client(), port, "nengyuan", null); // (typed by sound, a question waits for the table)
            List<String> typed = suggestions(client(), port, "能源轉型促", null);
            assertEquals("能源轉型促進會", typed.isEmpty() ? null : typed.getFirst(), typed.toString());
            assertEquals("能源转型促进会", suggestions(client(), port, "能源转型促", null).getFirst(), "in the script typed");
            // 能源轉型 goes on in six ways: no phrase of it is offered as its continuation
            assertTrue(suggestions(client(), port, "能源轉型", null).stream().noneMatch(w -> w.startsWith("能源轉型促進")),
                    suggestions(client(), port, "能源轉型", null).toString());
        });
    }

    private static HttpClient client() {
        return HttpClient.newHttpClient();
    }

    /**
     * A title sequence nothing vouches for that begins or ends with a function character runs across
     * words (在武汉 of 在武汉举行, 的建设, 点名这), unless the two characters there are a dictionary's
     * word (在线教育, 和平饭店, 世界之最); two characters are never judged so.
     */
    @Test
    void aSequenceBeginningOrEndingWithAFunctionCharacterRunsAcrossWords() {
        java.util.Set<String> dictionary = java.util.Set.of("在线", "和平", "之最", "武汉", "建设");
        for (String across : List.of("在武汉", "的建设", "是重要", "点名这", "县市最", "已死亡")) {
            assertTrue(PinyinSuggester.runsAcross(across, dictionary), across);
        }
        for (String word : List.of("在线教育", "和平饭店", "世界之最", "台湾关系法", "在京", "的士")) {
            assertTrue(!PinyinSuggester.runsAcross(word, dictionary), word);
        }
    }
}
