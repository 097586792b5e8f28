namespace FastMaker.Engine.Pipeline;

/// <summary>
/// Where the engine thread hands <see cref="ResubscribeRequest"/>s to the transport (engine -> network, the reverse of
/// <see cref="IControlSink"/>). Called on the engine thread: it must not block, allocate or throw.
/// </summary>
public interface IResubscribeSink
{
    /// <summary>Queues a request; false when it could not be queued (the engine retries after its back-off).</summary>
    bool TryRequestResubscribe(in ResubscribeRequest request);
}
