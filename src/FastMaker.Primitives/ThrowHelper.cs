using System.Diagnostics.CodeAnalysis;

namespace FastMaker.Primitives;

// Throwing lives here so hot methods carry no exception-building code and stay inlinable.
internal static class ThrowHelper
{
    [DoesNotReturn]
    public static void ThrowFormat(string typeName, ParseError error) =>
        throw new FormatException("Cannot parse " + typeName + ": " + ParseErrors.Describe(error) + ".");

    [DoesNotReturn]
    public static void ThrowFormat(string typeName, string reason) =>
        throw new FormatException("Cannot parse " + typeName + ": " + reason + ".");

    [DoesNotReturn]
    public static void ThrowArgumentNull(string paramName) => throw new ArgumentNullException(paramName);

    [DoesNotReturn]
    public static void ThrowDestinationTooShort(string paramName, int required) =>
        throw new ArgumentException("Destination must hold at least " + required.ToString(System.Globalization.CultureInfo.InvariantCulture) + " bytes.", paramName);

    [DoesNotReturn]
    public static void ThrowSourceLength(string paramName, int required) =>
        throw new ArgumentException("Source must be exactly " + required.ToString(System.Globalization.CultureInfo.InvariantCulture) + " bytes.", paramName);

    [DoesNotReturn]
    public static void ThrowUninitializedTickSize() =>
        throw new InvalidOperationException("TickSize is default (uninitialized); obtain one from TickSize.TryFromPrice, TryParse or the static fields.");

    [DoesNotReturn]
    public static void ThrowNotAligned(string paramName) =>
        throw new ArgumentException("Price is not aligned to the tick size.", paramName);

    [DoesNotReturn]
    public static void ThrowOverflow(string what) => throw new OverflowException(what);
}
