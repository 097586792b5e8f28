using System.Diagnostics.CodeAnalysis;

namespace FastMaker.Polymarket.Signing;

/// <summary>Throw sites kept out of line so the hot signing paths carry no exception-building code.
/// Messages never contain key material.</summary>
internal static class SigningThrowHelper
{
    [DoesNotReturn]
    public static void ThrowArgument(string message, string paramName) => throw new ArgumentException(message, paramName);

    [DoesNotReturn]
    public static void ThrowArgumentOutOfRange(string message, string paramName) => throw new ArgumentOutOfRangeException(paramName, message);

    [DoesNotReturn]
    public static void ThrowInvalidOperation(string message) => throw new InvalidOperationException(message);

    [DoesNotReturn]
    public static void ThrowObjectDisposed(string objectName) => throw new ObjectDisposedException(objectName);
}
