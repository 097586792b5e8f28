namespace FastMaker.Paper.FillModel;

/// <summary>Where a simulated order is.</summary>
public enum PaperOrderState : byte
{
    /// <summary>A free slot.</summary>
    None,

    /// <summary>Sent; goes live at <see cref="PaperOrder.LiveAtMs"/>.</summary>
    InFlight,

    /// <summary>Resting in the simulated queue (possibly with a cancel in flight).</summary>
    Live,
}
