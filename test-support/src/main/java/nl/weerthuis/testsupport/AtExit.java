package nl.weerthuis.testsupport;

/**
 * Stops what a test JVM started (the embedded database, the broker) when it ends, after Spring has closed the test
 * contexts, whose beans still use them on their way down: as JVM hooks of their own they raced Spring's, and every
 * fork then waited 30 s for a connection until surefire killed it. Spring Boot is optional here (the shared kernel's
 * tests have none): without it there is no context to wait for, and a plain JVM hook does.
 */
final class AtExit {

    private AtExit() {
    }

    static void run(String name, Runnable action) {
        try {
            Class.forName("org.springframework.boot.SpringApplication", false, AtExit.class.getClassLoader());
        } catch (ClassNotFoundException noSpring) {
            Runtime.getRuntime().addShutdownHook(new Thread(action, name));
            return;
        }
        AfterSpring.add(action);
    }

    /** Apart, so that only a JVM with Spring Boot resolves it. */
    private static final class AfterSpring {
        static void add(Runnable action) {
            org.springframework.boot.SpringApplication.getShutdownHandlers().add(action);
        }
    }
}
