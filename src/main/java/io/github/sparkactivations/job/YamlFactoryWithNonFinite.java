package io.github.sparkactivations.job;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.CharArrayReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.Locale;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * A {@link YAMLFactory} whose parser reads YAML's non-finite floats ({@code .inf}, {@code +.inf},
 * {@code -.inf}, {@code .nan} in any of YAML's three spellings) as the doubles they are. SnakeYAML
 * resolves them as floats, but Jackson 2's YAML parser then hands the text to {@code Double.parseDouble},
 * which rejects it, so a config with {@code temperature: .inf} was "not valid YAML" instead of a value
 * the parameter's range check refuses.
 */
final class YamlFactoryWithNonFinite extends YAMLFactory {

  private static final long serialVersionUID = 1L;

  YamlFactoryWithNonFinite(YAMLFactory configured) {
    super(configured, null);
  }

  @Override
  protected YAMLParser _createParser(InputStream in, IOContext ctxt) throws IOException {
    return new Parser(ctxt, this, _createReader(in, null, ctxt));
  }

  @Override
  protected YAMLParser _createParser(Reader r, IOContext ctxt) throws IOException {
    return new Parser(ctxt, this, r);
  }

  @Override
  protected YAMLParser _createParser(char[] data, int offset, int len, IOContext ctxt, boolean recyclable)
      throws IOException {
    return new Parser(ctxt, this, new CharArrayReader(data, offset, len));
  }

  @Override
  protected YAMLParser _createParser(byte[] data, int offset, int len, IOContext ctxt) throws IOException {
    return new Parser(ctxt, this, _createReader(data, offset, len, null, ctxt));
  }

  /** Java's spelling of a YAML non-finite float, or null if {@code text} is none. */
  static String javaSpelling(String text) {
    String t = text.toLowerCase(Locale.ROOT);
    return switch (t) {
      case ".inf", "+.inf" -> "Infinity";
      case "-.inf" -> "-Infinity";
      case ".nan" -> "NaN";
      default -> null;
    };
  }

  private static final class Parser extends YAMLParser {
    Parser(IOContext ctxt, YamlFactoryWithNonFinite f, Reader reader) {
      super(ctxt, f.getParserFeatures(), f.getFormatParserFeatures(), f._loaderOptions, f.getCodec(), reader);
    }

    @Override
    protected JsonToken _decodeScalar(ScalarEvent scalar) throws IOException {
      JsonToken t = super._decodeScalar(scalar);
      if (t == JsonToken.VALUE_NUMBER_FLOAT && _cleanedTextValue != null) {
        String java = javaSpelling(_cleanedTextValue);
        if (java != null) {
          _cleanedTextValue = java;
        }
      }
      return t;
    }
  }
}
