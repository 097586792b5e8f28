namespace FastMaker.Ring;

/// <summary>
/// Handles events from the ring. Implement it on a struct and pass it as the
/// <c>THandler</c> type argument of <see cref="BatchEventProcessor{T, THandler}"/> so the call is
/// devirtualized and inlined. Optional hooks: <see cref="ILifecycleAware"/> and <see cref="IBatchStartAware"/>.
/// </summary>
/// <typeparam name="T">The event type.</typeparam>
public interface IEventHandler<T> where T : struct
{
    /// <summary>Handles one event in place.</summary>
    /// <param name="evt">The event in its ring slot; valid only during this call.</param>
    /// <param name="sequence">The event's sequence.</param>
    /// <param name="endOfBatch">Whether this is the last event available right now (flush, batch writes).</param>
    void OnEvent(ref T evt, long sequence, bool endOfBatch);
}
