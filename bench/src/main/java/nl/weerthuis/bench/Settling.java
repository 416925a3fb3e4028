package nl.weerthuis.bench;

/** When a warm-up is over: two successive windows' rates within {@link #TOLERANCE} of each other. */
final class Settling {

    static final int WINDOW_SECONDS = 5;
    static final double TOLERANCE = 0.05;

    private Settling() {
    }

    /** @param previous the rate of the window before, 0 when there was none */
    static boolean settled(double previous, double current) {
        return previous > 0 && Math.abs(current - previous) <= TOLERANCE * previous;
    }
}
