package news.moderation.engine.phrase;

import news.moderation.engine.phrase.PhraseAutomaton.StepRows;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A state's row of cached steps, grown one step at a time past several doublings of its table: after every step
 * added, each step added before reads back unchanged (a simple step as its one int, any other as its record, whose
 * place moves when the table grows), and a token never added is absent; the row before the step is left as it was.
 */
class StepRowsTest {
    @Test
    void everyStepAddedReadsBackAfterTheRowGrows() {
        Random random = new Random(20261201);
        Map<Integer, int[]> added = new LinkedHashMap<>();
        int[] row = StepRows.EMPTY;
        for (int step = 0; step < 300; step++) {
            int token;
            do {
                token = random.nextInt(2_000);
            } while (added.containsKey(token));
            int[] record = randomStep(random, step);
            int[] before = row.clone();
            int[] grown = StepRows.with(row, token, record);
            assertArrayEquals(before, row, "a row is never changed, a step is added to a copy");
            row = grown;
            added.put(token, record);
            for (Map.Entry<Integer, int[]> entry : added.entrySet()) {
                assertArrayEquals(entry.getValue(), readBack(row, entry.getKey()), "token " + entry.getKey());
            }
            assertEquals(StepRows.ABSENT, StepRows.get(row, 2_000 + step));
        }
    }

    /** Half simple steps (one int), half with a record: groups moved on, and matches. */
    private static int[] randomStep(Random random, int target) {
        if (random.nextBoolean()) {
            return new int[] {target | (random.nextBoolean() ? PhraseAutomaton.KEEPS_STARTS
                    : PhraseAutomaton.STARTS_HERE)};
        }
        int groups = random.nextInt(4);
        int matches = random.nextInt(3);
        int[] record = new int[3 + groups + 2 * matches];
        record[0] = target;
        record[1] = groups;
        for (int g = 0; g < groups; g++) {
            record[2 + g] = g - 1;
        }
        record[2 + groups] = matches;
        for (int k = 3 + groups; k < record.length; k++) {
            record[k] = random.nextInt(50);
        }
        return record;
    }

    /** A step as the scan reads it: the int found, or the record it points to. */
    private static int[] readBack(int[] row, int token) {
        int found = StepRows.get(row, token);
        if (found >= 0) {
            return new int[] {found};
        }
        int at = -found;
        int groups = row[at + 1];
        int matches = row[at + 2 + groups];
        return Arrays.copyOfRange(row, at, at + 3 + groups + 2 * matches);
    }
}
