namespace FastMaker.Ring;

/// <summary>
/// What a consumer waits on: the producer's cursor and the sequences of the stages it depends on.
/// </summary>
public interface ISequenceBarrier
{
    /// <summary>
    /// Waits until <paramref name="sequence"/> is available and returns the highest available
    /// sequence, or <see cref="SequenceBarrier.Alerted"/> if the barrier was alerted while nothing was available.
    /// </summary>
    long WaitFor(long sequence);

    /// <summary>The highest sequence available right now (minimum of the dependent sequences), without waiting.</summary>
    long GetAvailable();

    /// <summary>The producer's cursor value.</summary>
    long Cursor { get; }

    /// <summary>Whether <see cref="Alert"/> was called since the last <see cref="ClearAlert"/>.</summary>
    bool IsAlerted { get; }

    /// <summary>Wakes the waiting consumer and makes waits return <see cref="SequenceBarrier.Alerted"/> once nothing is available.</summary>
    void Alert();

    /// <summary>Clears the alert.</summary>
    void ClearAlert();
}
