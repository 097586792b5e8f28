namespace FastMaker.Venue.Recording;

/// <summary>What <see cref="ScenarioFrameRecorder.Record"/> produced.</summary>
/// <param name="Scenario">The scenario's name.</param>
/// <param name="StartMs">Simulated start (unix ms): the scenario's start date.</param>
/// <param name="EndMs">Simulated time of the last step run (unix ms).</param>
/// <param name="Frames">Market-channel frames handed over.</param>
/// <param name="TradeFrames">Of which <c>last_trade_price</c> frames.</param>
/// <param name="Bytes">Total frame bytes.</param>
public sealed record ScenarioRecording(string Scenario, long StartMs, long EndMs, long Frames, long TradeFrames, long Bytes);
