namespace FastMaker.Paper.FillModel;

/// <summary>Receives the model's simulated events, in the order they happen (engine thread).</summary>
public interface IPaperEventSink
{
    /// <summary>One event; copy what is needed, the reference is only valid during the call.</summary>
    void OnPaperEvent(in PaperEvent e);
}
