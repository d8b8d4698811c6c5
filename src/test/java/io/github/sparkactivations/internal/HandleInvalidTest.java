package io.github.sparkactivations.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The one spelling rule of handleInvalid, shared by the stage param and the job's config keys (the SQL
 * functions have no handleInvalid setting: they always keep invalid input, see ActivationFunctionsEdgeCaseTest).
 */
class HandleInvalidTest {

  @Test
  void exactlyTheLowerCaseValuesAreAccepted() {
    assertArrayEquals(new String[] {"error", "skip", "keep"}, HandleInvalid.paramValues());
    for (HandleInvalid h : HandleInvalid.values()) {
      assertNull(HandleInvalid.problem(h.paramValue()));
      assertEquals(h, HandleInvalid.fromParam(h.paramValue()));
    }
    assertEquals(HandleInvalid.ERROR, HandleInvalid.DEFAULT);
  }

  @Test
  void anotherCaseIsRefusedWithTheValueToUse() {
    assertEquals("must be one of error, skip, keep (default error) but was 'SKIP'; the values are lower case: "
        + "use 'skip'", HandleInvalid.problem("SKIP"));
    assertEquals("must be one of error, skip, keep (default error) but was ' Keep'; the values are lower case: "
        + "use 'keep'", HandleInvalid.problem(" Keep"));
    assertEquals("must be one of error, skip, keep (default error) but was 'ignore'", HandleInvalid.problem("ignore"));
    assertEquals("must be one of error, skip, keep (default error) but was null", HandleInvalid.problem(null));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HandleInvalid.fromParam("Error"));
    assertEquals("handleInvalid must be one of error, skip, keep (default error) but was 'Error'; the values are "
        + "lower case: use 'error'", e.getMessage());
  }

  @Test
  void thePolicyForInvalidCellsOnBothPaths() throws Exception {
    InputRef in = InputRef.ofStage("s", "x");
    // (mode, elementwise, firstNull, firstNaN) -> computes, or the failure it throws; written out by hand
    assertEquals(true, HandleInvalid.ERROR.computes(in, true, -1, -1, -1));
    assertEquals(true, HandleInvalid.SKIP.computes(in, false, -1, -1, -1));
    assertEquals(true, HandleInvalid.KEEP.computes(in, true, -1, 3, 3), "keep: NaN propagates through f");
    assertEquals(false, HandleInvalid.SKIP.computes(in, true, -1, 3, 3), "skip: the row is dropped");
    assertEquals(true, HandleInvalid.KEEP.computes(in, true, 2, -1, -1), "keep, elementwise: the null stays null");
    assertEquals(false, HandleInvalid.KEEP.computes(in, false, 2, -1, -1), "keep, row-wise: a null row");
    assertEquals(false, HandleInvalid.SKIP.computes(in, true, 2, 5, 5));
    InvalidInputException nan = assertThrows(InvalidInputException.class,
        () -> HandleInvalid.ERROR.computes(in, true, -1, 1, 40));
    assertEquals(List.of(InvalidInputException.Problem.NAN, 40), List.of(nan.problem(), nan.entryIndex()),
        "the index reported is the one given for the NaN (a sparse vector's index)");
    InvalidInputException element = assertThrows(InvalidInputException.class,
        () -> HandleInvalid.ERROR.computes(in, true, 4, 1, 1));
    assertEquals(List.of(InvalidInputException.Problem.NULL_ELEMENT, 4), List.of(element.problem(), element.entryIndex()),
        "a null element is reported before a NaN");
    InvalidInputException cell = assertThrows(InvalidInputException.class, () -> HandleInvalid.ERROR.nullCell(in));
    assertEquals(InvalidInputException.Problem.NULL_VALUE, cell.problem());
    HandleInvalid.SKIP.nullCell(in);
    HandleInvalid.KEEP.nullCell(in);
  }
}
