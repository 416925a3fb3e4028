package nl.weerthuis.query.monitor;

/**
 * Monitors see aggregates, never a person: a count from 1 to 4 could point at one, so it is suppressed. When a
 * total is shown and exactly one of its parts is suppressed, that part would follow from the total minus the
 * others, so the smallest other non-zero part is suppressed too (complementary suppression).
 */
public final class SmallCellSuppression {

    static final int SMALLEST_SHOWN = 5;

    private SmallCellSuppression() {
    }

    public static boolean isSmall(long count) {
        return count > 0 && count < SMALLEST_SHOWN;
    }

    /** Which of {@code parts} (which add up to a total) must be hidden. */
    public static boolean[] suppressedParts(long... parts) {
        boolean[] suppressed = new boolean[parts.length];
        long total = 0;
        int count = 0;
        for (int i = 0; i < parts.length; i++) {
            total += parts[i];
            suppressed[i] = isSmall(parts[i]);
            if (suppressed[i]) {
                count++;
            }
        }
        if (count == 1 && !isSmall(total)) {
            int smallestOther = -1;
            for (int i = 0; i < parts.length; i++) {
                if (!suppressed[i] && parts[i] > 0 && (smallestOther < 0 || parts[i] < parts[smallestOther])) {
                    smallestOther = i;
                }
            }
            suppressed[smallestOther] = true;
        }
        return suppressed;
    }
}
