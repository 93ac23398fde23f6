package dev.zhsearch.convert;

import java.util.List;

/** A source of conversions: the longest key that starts at a position, with its value. */
public interface Dictionary {

    /**
     * Length of the longest key equal to {@code text[start, start+len)} with {@code start+len <= end},
     * or 0 if none; on a match its value is written to {@code valueOut[0]}.
     */
    int match(CharSequence text, int start, int end, String[] valueOut);

    int maxKeyLength();

    /** How a group of dictionaries answers: OpenCC's {@code match_policy}. */
    enum Policy {
        /** The first dictionary (in order) that matches at all answers. */
        SHORT_CIRCUIT,
        /** The longest match among all dictionaries answers (earlier wins a tie). */
        UNION
    }

    static Dictionary group(Policy policy, List<Dictionary> members) {
        List<Dictionary> dicts = List.copyOf(members);
        if (dicts.size() == 1) {
            return dicts.getFirst();
        }
        int max = dicts.stream().mapToInt(Dictionary::maxKeyLength).max().orElse(0);
        return new Dictionary() {
            @Override
            public int match(CharSequence text, int start, int end, String[] valueOut) {
                if (policy == Policy.SHORT_CIRCUIT) {
                    // a member writes valueOut only when it matches, and the first match answers
                    for (Dictionary d : dicts) {
                        int len = d.match(text, start, end, valueOut);
                        if (len > 0) {
                            return len;
                        }
                    }
                    return 0;
                }
                int best = 0;
                String[] candidate = new String[1];
                for (Dictionary d : dicts) {
                    int len = d.match(text, start, end, candidate);
                    if (len > best) {
                        best = len;
                        valueOut[0] = candidate[0];
                    }
                }
                return best;
            }

            @Override
            public int maxKeyLength() {
                return max;
            }
        };
    }
}
