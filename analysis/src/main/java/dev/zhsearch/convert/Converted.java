package dev.zhsearch.convert;

/**
 * The result of a conversion: the converted text and, for every position {@code p} of it
 * (0..length inclusive), the position in the original text it came from. Unit boundaries map
 * exactly; a position inside a unit whose length changed maps proportionally into that unit.
 */
public record Converted(String text, int[] sourceOffsets) {

    public int sourceOffset(int convertedOffset) {
        return sourceOffsets[convertedOffset];
    }
}
