using System.Diagnostics.CodeAnalysis;

namespace FastMaker.Venue.Matching;

internal static class ThrowHelper
{
    [DoesNotReturn]
    public static void ThrowArgument(string message, string paramName) => throw new ArgumentException(message, paramName);

    [DoesNotReturn]
    public static void ThrowUnknownMarket(string conditionId) =>
        throw new KeyNotFoundException("no market with condition id " + conditionId + " on this venue");
}
