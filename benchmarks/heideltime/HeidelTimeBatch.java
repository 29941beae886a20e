// Batch driver for the HeidelTime side-by-side benchmark (benchmarks/bench_time.py).
//
// Runs many documents through one HeidelTime instance in one JVM, so that the measured
// throughput excludes JVM start-up and rule loading, which the CLI pays once per document.
// Compiled at benchmark time against HeidelTime's standalone jar (GPL-3.0); neither the jar
// nor a compiled class is part of the project.
//
// Usage: java -cp JAR:BUILD_DIR HeidelTimeBatch CONFIG_PROPS MANIFEST [DOCUMENT_TYPE]
//   MANIFEST: UTF-8 lines "INPUT_PATH<TAB>DCT(YYYY-MM-DD)<TAB>OUTPUT_PATH".
//   DOCUMENT_TYPE: HeidelTime's NEWS (default) or NARRATIVES rules (histories anchor on
//   the text's own dates).
//   Each input file (UTF-8 text) is tagged with English rules and no POS tagger; the
//   output file gets HeidelTime's own TimeML formatter output (inline <TIMEX3> tags).
// Protocol on stdout, one line each, so the caller can time start-up apart from processing:
//   READY <init_ms>                     after HeidelTime is built and has tagged a probe
//   DOC <index> <process_ns>            after each document (tagging + formatting only)
//   DONE <documents> <total_process_ns> <peak_rss_kb>
// Errors go to stderr and end the run with a non-zero exit status.

import de.unihd.dbs.heideltime.standalone.DocumentType;
import de.unihd.dbs.heideltime.standalone.HeidelTimeStandalone;
import de.unihd.dbs.heideltime.standalone.OutputType;
import de.unihd.dbs.heideltime.standalone.POSTagger;
import de.unihd.dbs.heideltime.standalone.components.impl.TimeMLResultFormatter;
import de.unihd.dbs.uima.annotator.heideltime.resources.Language;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

public final class HeidelTimeBatch {
    private HeidelTimeBatch() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2 && args.length != 3) {
            System.err.println("usage: HeidelTimeBatch CONFIG_PROPS MANIFEST [DOCUMENT_TYPE]");
            System.exit(2);
        }
        quietLogging();
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);

        long initStart = System.nanoTime();
        HeidelTimeStandalone tagger = new HeidelTimeStandalone(
                Language.ENGLISH,
                args.length == 3 ? DocumentType.valueOf(args[2]) : DocumentType.NEWS,
                OutputType.TIMEML,
                args[0],
                POSTagger.NO);
        TimeMLResultFormatter formatter = new TimeMLResultFormatter();
        // The date pattern and the default time zone are the ones the CLI's -dct uses.
        SimpleDateFormat dctFormat = new SimpleDateFormat("yyyy-MM-dd");
        // HeidelTime logs set-up failures (a wrong config file, say) instead of throwing, and
        // then answers null; one probe sentence turns that into a clear error before timing.
        if (tagger.process("It rained yesterday.", dctFormat.parse("2020-06-23"), formatter) == null) {
            System.err.println("HeidelTime could not be initialised; check the config file " + args[0]);
            System.exit(3);
        }
        out.println("READY " + (System.nanoTime() - initStart) / 1_000_000);

        List<String> manifest = Files.readAllLines(Paths.get(args[1]), StandardCharsets.UTF_8);
        long total = 0;
        int count = 0;
        for (String line : manifest) {
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            if (fields.length != 3) {
                throw new IllegalArgumentException("bad manifest line: " + line);
            }
            String text = Files.readString(Path.of(fields[0]), StandardCharsets.UTF_8);
            Date dct = dctFormat.parse(fields[1]);
            long start = System.nanoTime();
            String tagged = tagger.process(text, dct, formatter);
            long elapsed = System.nanoTime() - start;
            if (tagged == null) {
                throw new IllegalStateException("HeidelTime returned no result for " + fields[0]);
            }
            Files.writeString(Path.of(fields[2]), tagged, StandardCharsets.UTF_8);
            total += elapsed;
            out.println("DOC " + count + " " + elapsed);
            count++;
        }
        out.println("DONE " + count + " " + total + " " + peakRssKb());
    }

    // HeidelTime logs every step at INFO and overlap decisions at WARNING; keep stderr for
    // real errors only.
    private static void quietLogging() {
        LogManager.getLogManager().reset();
        Logger.getLogger("").setLevel(Level.SEVERE);
    }

    // VmHWM is the kernel's high-water mark of this process's resident set: the JVM's peak RSS.
    private static long peakRssKb() throws IOException {
        for (String line : Files.readAllLines(Paths.get("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
