using System.Diagnostics.CodeAnalysis;
using FastMaker.Primitives;

namespace FastMaker.Venue.Ledger;

internal static class ThrowHelper
{
    [DoesNotReturn]
    public static void ThrowNegativeDeposit(string name) =>
        throw new ArgumentOutOfRangeException(name, "a deposit must not be negative");

    [DoesNotReturn]
    public static void ThrowUnknownToken(UInt256 token) =>
        throw new ArgumentException("token " + token.ToString() + " is not registered with the ledger", nameof(token));
}
