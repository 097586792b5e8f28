using System.Diagnostics.CodeAnalysis;

namespace FastMaker.Ring;

/// <summary>Throwing lives here so that hot methods carry no exception-building code and stay inlinable.</summary>
internal static class ThrowHelper
{
    [DoesNotReturn]
    public static void ThrowArgumentOutOfRange(string paramName, string message)
        => throw new ArgumentOutOfRangeException(paramName, message);

    [DoesNotReturn]
    public static void ThrowInvalidOperation(string message)
        => throw new InvalidOperationException(message);

    [DoesNotReturn]
    public static void ThrowClaimSizeOutOfRange(int n, int bufferSize)
        => throw new ArgumentOutOfRangeException(nameof(n), n,
            $"n must be between 1 and the buffer size ({bufferSize}); got {n}.");

    [DoesNotReturn]
    public static void ThrowPublishNotClaimed(long lo, long hi, long claimed, long published)
        => throw new InvalidOperationException(
            $"Cannot publish [{lo}..{hi}]: the claimed range ends at {claimed} and the cursor is at {published}; publish only claimed sequences, in order, once.");

    public static void ValidateBufferSize(int bufferSize, string paramName)
    {
        if (bufferSize <= 0)
            throw new ArgumentOutOfRangeException(paramName, bufferSize, $"{paramName} must be positive; got {bufferSize}.");
        if ((bufferSize & (bufferSize - 1)) != 0)
            throw new ArgumentOutOfRangeException(paramName, bufferSize, $"{paramName} must be a power of 2; got {bufferSize}.");
    }
}
