namespace FastMaker.Engine.Pipeline;

/// <summary>
/// Where translated events go: the inbound ring (live) or the engine directly (replay, tests). Implemented by a
/// struct so the translator's calls are devirtualized. <see cref="Claim"/> then fill then <see cref="Commit"/>.
/// </summary>
public interface IInboundTarget
{
    /// <summary>The next slot to fill; it may hold a previous event's data, so every field used must be set.</summary>
    ref InboundEvent Claim();

    /// <summary>Publishes the claimed slot.</summary>
    void Commit();
}
