package org.virtkg.kb;

import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The day a source speaks as of ({@code vkg:asOf}): an editor's claim's {@code asOf}, an imported
 * release's date. {@code view=current} lets the side of a disagreement whose newest source is
 * later win, so a day still to come would outrank every real source until it came: none is
 * accepted. One rule for every way a date comes in; each says it in its own terms (a field, a
 * query parameter, a flag).
 */
public final class AsOf {
    private AsOf() {}

    /** Why a day after {@link #today()} is refused, to follow the name of what gave it. */
    public static final String AFTER_TODAY = "is after today: a source speaks as of a day that has come";

    /**
     * Today in UTC: the same day for every writer and every server, whatever its time zone (a
     * date sent from UTC+14 early on its day may still be tomorrow here, and is refused until it is not).
     */
    public static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** True for a day after {@link #today()}. */
    public static boolean isAfterToday(LocalDate day) {
        return day.isAfter(today());
    }
}
