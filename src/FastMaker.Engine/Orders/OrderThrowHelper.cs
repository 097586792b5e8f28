using System.Diagnostics.CodeAnalysis;

namespace FastMaker.Engine.Orders;

/// <summary>Throws for the order, position and risk code, so hot methods carry no exception-building code.</summary>
internal static class OrderThrowHelper
{
    [DoesNotReturn]
    public static void ThrowTokenIndex(int tokenIndex) =>
        throw new ArgumentOutOfRangeException(nameof(tokenIndex), tokenIndex, "token index must be >= 0");

    [DoesNotReturn]
    public static void ThrowMarketIndex(int marketIndex) =>
        throw new ArgumentOutOfRangeException(nameof(marketIndex), marketIndex, "market index must be >= 0");

    [DoesNotReturn]
    public static void ThrowArgument(string paramName, string message) => throw new ArgumentException(message, paramName);
}
