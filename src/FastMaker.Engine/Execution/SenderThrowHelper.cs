using System.Diagnostics.CodeAnalysis;

namespace FastMaker.Engine.Execution;

/// <summary>Throws for the sender, keeping exception construction off its hot path.</summary>
internal static class SenderThrowHelper
{
    [DoesNotReturn]
    public static void ThrowRequestNull() => throw new ArgumentNullException("request", "Publish was given a null SignedRequest.");
}
