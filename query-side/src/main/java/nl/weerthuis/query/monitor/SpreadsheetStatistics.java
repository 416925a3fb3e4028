package nl.weerthuis.query.monitor;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Medians, percentiles and shares exactly as a policy officer's spreadsheet computes them, so that a figure can be
 * checked by pasting the cases into Excel or LibreOffice: {@code MEDIAN(range)}, {@code PERCENTILE.INC(range; p)}
 * (linear interpolation between the two nearest ranks) and {@code numerator / denominator}. Results are rounded
 * half up to {@link #DECIMALS} (percentiles) or {@link #SHARE_DECIMALS} (shares) decimals, as
 * {@code ROUND(…; 1)} and {@code ROUND(…; 3)} would.
 */
public final class SpreadsheetStatistics {

    public static final int DECIMALS = 1;
    public static final int SHARE_DECIMALS = 3;

    private SpreadsheetStatistics() {
    }

    /** {@code MEDIAN}: the middle value, or the mean of the two middle values for an even count; null when empty. */
    public static BigDecimal median(List<Long> values) {
        return percentileInc(values, 0.5);
    }

    /**
     * {@code PERCENTILE.INC(values; p)}: with the values sorted ascending as x[0..n-1], the rank h = (n - 1) * p;
     * the result is x[floor(h)] + (h - floor(h)) * (x[floor(h) + 1] - x[floor(h)]). Null when there are no values.
     */
    public static BigDecimal percentileInc(List<Long> values, double p) {
        if (p < 0 || p > 1) {
            throw new IllegalArgumentException("a percentile lies between 0 and 1");
        }
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        // Exact decimal arithmetic: 0.9 * 9 must give rank 8.1, not 8.100000000000001.
        BigDecimal rank = BigDecimal.valueOf(p).multiply(BigDecimal.valueOf(sorted.size() - 1L));
        int lower = rank.intValue();
        BigDecimal fraction = rank.subtract(BigDecimal.valueOf(lower));
        BigDecimal low = BigDecimal.valueOf(sorted.get(lower));
        BigDecimal result = lower + 1 >= sorted.size() ? low
                : low.add(fraction.multiply(BigDecimal.valueOf(sorted.get(lower + 1)).subtract(low)));
        return rounded(result);
    }

    /** A median or percentile as published: rounded half up to {@link #DECIMALS} decimals, as {@code ROUND(…; 1)}. */
    public static BigDecimal rounded(BigDecimal value) {
        return value == null ? null : value.setScale(DECIMALS, RoundingMode.HALF_UP);
    }

    /** {@code numerator / denominator}, rounded half up to three decimals; null when the denominator is zero. */
    public static BigDecimal share(long numerator, long denominator) {
        if (denominator == 0) {
            return null;
        }
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), SHARE_DECIMALS, RoundingMode.HALF_UP);
    }
}
