package org.podium.ingest;

import org.apache.camel.component.file.GenericFile;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A scan of a large backlog accepts a bounded number of files, finishing the folder it is in. */
class InboxFilterTest {

    static GenericFile<File> file(String path) {
        GenericFile<File> f = new GenericFile<>();
        f.setFile(new File(path));
        f.setDirectory(false);
        return f;
    }

    static List<String> accepted(InboxFilter filter, String... paths) {
        return java.util.Arrays.stream(paths).filter(p -> filter.accept(file(p))).toList();
    }

    @Test
    void aScanTakesItsShareThenOnlyTheRestOfTheFolderItIsIn() {
        InboxFilter filter = new InboxFilter(2);
        filter.newScan();
        assertThat(accepted(filter,
                "/inbox/alms/2023-24/01_Sepang/Race 1/a_Provisional.CSV",
                "/inbox/alms/2023-24/01_Sepang/Race 2/b_Official.CSV",
                "/inbox/alms/2023-24/01_Sepang/Race 2/b_Provisional.CSV",
                "/inbox/alms/2023-24/02_Dubai/Race/c_Official.CSV"))
                .containsExactly("/inbox/alms/2023-24/01_Sepang/Race 1/a_Provisional.CSV",
                        "/inbox/alms/2023-24/01_Sepang/Race 2/b_Official.CSV",
                        "/inbox/alms/2023-24/01_Sepang/Race 2/b_Provisional.CSV");

        filter.newScan();
        assertThat(accepted(filter, "/inbox/alms/2023-24/02_Dubai/Race/c_Official.CSV"))
                .as("the next scan starts counting again").hasSize(1);
    }

    @Test
    void withoutALimitEveryFileIsTaken() {
        InboxFilter filter = new InboxFilter();
        filter.newScan();
        assertThat(accepted(filter, "/i/a/1.CSV", "/i/b/2.CSV", "/i/c/3.CSV")).hasSize(3);
    }
}
