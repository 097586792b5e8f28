using System.Diagnostics.CodeAnalysis;

namespace FastMaker.Engine.Pipeline;

/// <summary>Throwing lives here so the hot paths carry no exception-building code.</summary>
internal static class ThrowHelper
{
    [DoesNotReturn]
    public static void ThrowEngineStopped() =>
        throw new OperationCanceledException("the engine stopped consuming the inbound ring; the ingress gives up the full ring");
}
