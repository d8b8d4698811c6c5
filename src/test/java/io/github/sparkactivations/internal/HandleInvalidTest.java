package io.github.sparkactivations.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
}
