using FastMaker.Venue.Scenarios;

namespace FastMaker.Cli.Demo;

/// <summary>Prepares a scenario for a real-time demo: its clock (start, end dates, game starts) moved so that it starts now.</summary>
public static class DemoScenario
{
    /// <summary>
    /// Loads a built-in scenario or a scenario file and shifts its dates by (now - start): a scenario written for
    /// 2026-05-01 must not have ended when the demo runs, or every market would be (rightly) not quotable.
    /// </summary>
    public static Scenario Load(string nameOrPath, DateTimeOffset now)
    {
        var scenario = ScenarioLoader.Load(nameOrPath);
        Shift(scenario, now);
        return scenario;
    }

    /// <summary>Moves every absolute date of <paramref name="scenario"/> so that it starts at <paramref name="now"/>.</summary>
    public static void Shift(Scenario scenario, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var shift = now - scenario.Start;
        scenario.Start = now;
        foreach (var market in scenario.Markets)
        {
            market.EndDate += shift;
            market.GameStart += shift;
        }
    }
}
