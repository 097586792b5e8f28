using FastMaker.Venue.Scenarios;

namespace FastMaker.Venue.Tests.Scenarios;

public class ScenarioLoaderTests
{
    private const string Minimal = """
        {
          "version": 1, "name": "tiny", "seed": 1,
          "markets": [ { "id": "m", "question": "Q?", "tickSize": 0.01, "fairValue": 0.5 } ]
        }
        """;

    [Theory]
    [InlineData("calm")]
    [InlineData("toxic-burst")]
    [InlineData("negrisk-event")]
    public void BuiltIns_LoadByName(string name)
    {
        Scenario s = ScenarioLoader.Load(name);
        Assert.Equal(name, s.Name);
        Assert.Equal(1, s.Version);
        Assert.True(s.FundNewAddresses.Enabled);
        Assert.NotEmpty(s.Agents);
    }

    [Fact]
    public void NegRiskEvent_HasSeveralOutcomeMarketsSharingTheEvent()
    {
        Scenario s = ScenarioLoader.Load("negrisk-event");
        EventSpec ev = Assert.Single(s.Events, e => e.NegRisk);
        Assert.True(s.Markets.Count(m => m.EventId == ev.Id) >= 3);
    }

    [Fact]
    public void File_LoadsByPath_AndRoundTripsThroughToJson()
    {
        string path = Path.Combine(Path.GetTempPath(), "fm-scenario-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, ScenarioLoader.ToJson(ScenarioLoader.Load("toxic-burst")));
        try
        {
            Scenario s = ScenarioLoader.Load(path);
            Assert.Equal("toxic-burst", s.Name);
            Assert.Equal(6, s.Schedule.Count);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void UnknownName_SaysWhatWasTried()
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load("no-such-scenario"));
        Assert.Equal("unknown scenario 'no-such-scenario': not a built-in (calm, toxic-burst, negrisk-event) and no such file", e.Message);
    }

    [Fact]
    public void MalformedJson_NamesTheLine()
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse("{ \"version\": 1,\n \"name\": }", "test"));
        Assert.StartsWith("scenario test: invalid JSON", e.Message);
        Assert.Contains("(line 2)", e.Message);
    }

    [Fact]
    public void UnknownField_IsRefused()
    {
        string json = Minimal.Replace("\"seed\": 1,", "\"seed\": 1, \"sede\": 2,");
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(json, "test"));
        Assert.Contains("sede", e.Message);
    }

    [Fact]
    public void WrongType_IsRefusedWithItsPath()
    {
        string json = Minimal.Replace("\"tickSize\": 0.01", "\"tickSize\": \"fine\"");
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(json, "test"));
        Assert.Contains("$.markets[0].tickSize", e.Message);
    }

    [Theory]
    [InlineData("\"version\": 1", "\"version\": 2", "version: 2 is not supported (this build reads version 1)")]
    [InlineData("\"tickSize\": 0.01", "\"tickSize\": 0.02", "markets[0].tickSize: 0.02 is not a tick size (0.1, 0.01, 0.005, 0.0025, 0.001, 0.0001)")]
    [InlineData("\"fairValue\": 0.5", "\"fairValue\": 1.5", "markets[0].fairValue: must be strictly between 0 and 1")]
    [InlineData("\"question\": \"Q?\",", "\"question\": \"Q?\", \"eventId\": \"nope\",", "markets[0].eventId: no event 'nope'")]
    [InlineData("\"question\": \"Q?\",", "\"question\": \"Q?\", \"conditionId\": \"0x12\",", "markets[0].conditionId: '0x12' is not 0x + 64 hex digits")]
    public void InvalidValues_AreRefusedWithPathAndReason(string find, string replace, string expected)
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(Minimal.Replace(find, replace), "test"));
        Assert.Equal("scenario test: " + expected, e.Message);
    }

    [Fact]
    public void BadAgentAndSchedule_AreRefused()
    {
        string agent = Minimal.Replace("\"seed\": 1,", "\"seed\": 1, \"agents\": [ { \"type\": \"whale\", \"name\": \"w\" } ],");
        Assert.Equal("scenario test: agents[0].type: 'whale' is not one of noise, informed, maker",
            Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(agent, "test")).Message);

        string jump = Minimal.Replace("\"seed\": 1,", "\"seed\": 1, \"schedule\": [ { \"at\": 5, \"type\": \"jump\", \"market\": \"m\" } ],");
        Assert.Equal("scenario test: schedule[0]: a jump needs exactly one of 'to' and 'by'",
            Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(jump, "test")).Message);

        string resolve = Minimal.Replace("\"seed\": 1,", "\"seed\": 1, \"schedule\": [ { \"at\": 5, \"type\": \"resolve\", \"market\": \"m\", \"outcome\": \"Maybe\" } ],");
        Assert.StartsWith("scenario test: schedule[0].outcome: must name one of the market's outcomes",
            Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(resolve, "test")).Message);

        string token = Minimal.Replace("\"seed\": 1,", "\"seed\": 1, \"accounts\": [ { \"name\": \"a\", \"tokens\": { \"x:yes\": 5 } } ],");
        Assert.StartsWith("scenario test: accounts[0].tokens['x:yes']",
            Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(token, "test")).Message);
    }

    [Fact]
    public void EmptyOrNullDocument_IsRefused()
    {
        Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse("null", "test"));
        Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse("", "test"));
        Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse("[]", "test"));
    }
}
