using FastMaker.Engine.Pipeline;
using FastMaker.Primitives;

namespace FastMaker.Engine.Replay;

/// <summary>What a replay ends with: every token's book, event counts by kind, malformed frames and the intents' hash.</summary>
public sealed class ReplayReport
{
    /// <summary>Frames replayed.</summary>
    public long Frames { get; init; }

    /// <summary>Per token, in registry order.</summary>
    public required IReadOnlyList<TokenBookReport> Books { get; init; }

    /// <summary>Events by kind (kinds with a zero count are left out), in <see cref="InboundKind"/> order.</summary>
    public required IReadOnlyList<(InboundKind Kind, long Count)> Events { get; init; }

    /// <summary>Malformed frames and events, with their reasons, in replay order.</summary>
    public required IReadOnlyList<ReplayError> Errors { get; init; }

    /// <summary>Problems with the input that did not stop the replay (truncated capture, markets not registered).</summary>
    public required IReadOnlyList<string> Warnings { get; init; }

    /// <summary>Intents the engine produced.</summary>
    public long IntentCount { get; init; }

    /// <summary>Hex SHA-256 of the intents (see <see cref="IntentRecorder"/>).</summary>
    public required string IntentsHash { get; init; }

    /// <summary>Events for tokens the registry does not know.</summary>
    public long UnknownTokenEvents { get; init; }
}

/// <summary>One token's final book.</summary>
/// <param name="AssetId">The token id, decimal.</param>
/// <param name="TickSize">The market's tick, or null when none was ever known.</param>
/// <param name="Trusted">False when the book was marked untrusted and no snapshot restored it.</param>
/// <param name="Bids">Bid levels, best first.</param>
/// <param name="Asks">Ask levels, best first.</param>
public sealed record TokenBookReport(string AssetId, TickSize? TickSize, bool Trusted, IReadOnlyList<(Price Price, Quantity Size)> Bids, IReadOnlyList<(Price Price, Quantity Size)> Asks);

/// <summary>A malformed frame or event.</summary>
/// <param name="Frame">Index of the frame in the input, from 0.</param>
/// <param name="ReceiveMs">Its receive time.</param>
/// <param name="Reason">The parser's reason and byte offset.</param>
public sealed record ReplayError(long Frame, long ReceiveMs, string Reason);
