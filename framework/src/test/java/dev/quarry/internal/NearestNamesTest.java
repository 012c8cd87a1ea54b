package dev.quarry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class NearestNamesTest {
    private final List<String> known = List.of("User", "User@blog", "Permission", "Post", "Tag");

    @Test
    void suggestsNamesWithinAFewEdits() {
        assertEquals(List.of("User", "User@blog"), NearestNames.of("Usr", known));
    }

    @Test
    void ignoresCase() {
        assertEquals("User", NearestNames.of("user", known).get(0));
    }

    @Test
    void suggestsTheModuleMappingOfTheSameBaseName() {
        assertEquals(List.of("Permission"), NearestNames.of("Permision", known));
        assertEquals(List.of("Tag"), NearestNames.of("Tags", List.of("Tag@blog", "Tag")).subList(0, 1));
    }

    @Test
    void suggestsNothingForAFarName() {
        assertEquals(List.of(), NearestNames.of("Invoice", known));
    }

    @Test
    void measuresLevenshteinDistance() {
        assertEquals(3, NearestNames.distance("kitten", "sitting"));
        assertEquals(0, NearestNames.distance("same", "same"));
        assertEquals(4, NearestNames.distance("", "four"));
    }
}
