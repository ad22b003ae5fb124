package dev.ddbkit.core.error;

/**
 * Bad input caught by ddbkit before anything is sent to DynamoDB: a blank key, an unknown enum value, an
 * item over 400 KB, a malformed cursor. The message is a full sentence naming the offending argument.
 * Nothing was written when this is thrown.
 */
public class InvalidInputException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String argument;

  protected InvalidInputException(String argument, String message) {
    super(message);
    this.argument = argument;
  }

  /** Creates the error for the named argument with a full-sentence message. */
  public static InvalidInputException of(String argument, String message) {
    return new InvalidInputException(argument, message);
  }

  /** The name of the argument or attribute that was rejected. */
  public String argument() {
    return argument;
  }
}
