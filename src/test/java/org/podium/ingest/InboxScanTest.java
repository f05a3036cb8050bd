package org.podium.ingest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A scan that took files says a backlog is being worked through, until a scan takes none. */
class InboxScanTest {

    @Test
    void takingFilesUntilAScanTakesNone() throws Exception {
        InboxScan scan = new InboxScan(new InboxFilter(10));
        assertThat(scan.takingFiles()).isFalse();
        scan.begin(null, null);
        scan.commit(null, null, 10);
        assertThat(scan.takingFiles()).isTrue();
        scan.begin(null, null);
        scan.commit(null, null, 0);
        assertThat(scan.takingFiles()).isFalse();
        scan.begin(null, null);
        scan.commit(null, null, 3);
        scan.begin(null, null);
        scan.rollback(null, null, 0, new IllegalStateException("the inbox is gone"));
        assertThat(scan.takingFiles()).as("after a scan that failed").isFalse();
    }
}
