package org.virtkg.testing;

/**
 * Names of what test classes share, for {@code @ResourceLock}: the default test execution runs two
 * classes at a time (the pom's {@code junit.jupiter.execution.parallel.*} parameters), and a class
 * that needs one of these alone says so, so that no two such classes overlap. JUnit's own
 * {@code Resources.SYSTEM_OUT} and {@code SYSTEM_ERR} cover classes that redirect or print to the
 * standard streams.
 */
public final class Locks {
    private Locks() {}

    /** The one Chromium of the run (the UI classes' {@code UiBrowser}): one page at a time. */
    public static final String CHROMIUM = "virtkg.chromium";

    /**
     * The test JVM's one standalone Fuseki ({@link SharedFuseki}): a class empties and refills it,
     * which another class's instances over it would see.
     */
    public static final String SHARED_FUSEKI = "virtkg.shared-fuseki";

    /**
     * The {@link SharedServer.Config#SHIPPED_WRITABLE} server: its classes write resources of their
     * own, but some read lists, counts and change feeds that another class's writes at the same
     * moment would change, so they take turns (classes reading the read-only server need no lock).
     */
    public static final String SHIPPED_WRITABLE = "virtkg.shipped-writable";
}
