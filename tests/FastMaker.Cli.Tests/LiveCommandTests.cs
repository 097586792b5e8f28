using FastMaker.Cli.Commands;
using FastMaker.Cli.Live;

namespace FastMaker.Cli.Tests;

/// <summary><c>fastmaker live</c> argument errors: exit 2 with a reason, before any connection; the key never on the command line.</summary>
[Collection("Console")]
public sealed class LiveCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fm-live-cli-").FullName;
    private readonly string _keyFile;

    public LiveCommandTests()
    {
        _keyFile = Path.Combine(_dir, "key.hex");
        File.WriteAllText(_keyFile, "11".PadLeft(64, '0'));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private LiveArguments.Raw Valid() => new()
    {
        Clob = "http://127.0.0.1:1",
        Ws = "ws://127.0.0.1:1/ws",
        Gamma = "http://127.0.0.1:2",
        KeyFile = _keyFile,
    };

    private static async Task<(int Code, string Error)> RunAsync(LiveArguments.Raw raw, Func<string, string?>? environment = null)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await LiveCommand.RunAsync(raw, environment ?? (_ => null), output, error, CancellationToken.None);
        return (code, error.ToString());
    }

    [Fact]
    public void ValidArguments_AreAccepted_WithTheWsBaseAndDefaults()
    {
        Assert.True(LiveArguments.TryCreate(Valid(), _ => null, out var settings, out var error), error);
        Assert.Equal("ws://127.0.0.1:1/ws", settings!.WsUrl.ToString());
        Assert.Equal(LiveProfile.Conservative, settings.Profile);
        Assert.Equal(0, settings.Seconds);
        Assert.Empty(settings.Markets);
        Assert.False(settings.AdoptRestingOrders); // recovery cancels what a killed run left resting, unless asked
    }

    [Fact]
    public void AdoptResting_SelectsAdoptionAtStartupRecovery()
    {
        var v = Valid();
        var raw = new LiveArguments.Raw { Clob = v.Clob, Ws = v.Ws, Gamma = v.Gamma, KeyFile = v.KeyFile, AdoptResting = true };
        Assert.True(LiveArguments.TryCreate(raw, _ => null, out var settings, out var error), error);
        Assert.True(settings!.AdoptRestingOrders);
    }

    [Fact]
    public void AdoptRestingFlag_IsParsedFromTheCommandLine()
    {
        var live = FastMaker.Cli.Commands.LiveCommand.Create();
        Assert.True(live.Parse(["--adopt-resting"]).GetValue<bool>("--adopt-resting"));
        Assert.False(live.Parse([]).GetValue<bool>("--adopt-resting"));
    }

    [Theory]
    [InlineData("clob", null, "--clob is required")]
    [InlineData("clob", "not a url", "--clob is not an absolute URL")]
    [InlineData("clob", "ws://127.0.0.1:1", "--clob must be a http:// or https:// URL")]
    [InlineData("ws", "http://127.0.0.1:1/ws", "--ws must be a ws:// or wss:// URL")]
    [InlineData("gamma", "", "--gamma is required")]
    public async Task BadUrl_Exits2_WithTheReason(string which, string? value, string reason)
    {
        var v = Valid();
        var raw = new LiveArguments.Raw
        {
            Clob = which == "clob" ? value : v.Clob,
            Ws = which == "ws" ? value : v.Ws,
            Gamma = which == "gamma" ? value : v.Gamma,
            KeyFile = v.KeyFile,
        };
        var (code, error) = await RunAsync(raw);
        Assert.Equal(2, code);
        Assert.Contains(reason, error);
    }

    [Fact]
    public async Task NoKeyFile_AndNoVariable_Exits2_SayingWhereTheKeyComesFrom()
    {
        var v = Valid();
        var (code, error) = await RunAsync(new LiveArguments.Raw { Clob = v.Clob, Ws = v.Ws, Gamma = v.Gamma });
        Assert.Equal(2, code);
        Assert.Contains("--key-file PATH or set FASTMAKER_PRIVATE_KEY", error);
    }

    [Fact]
    public void KeyFromTheVariable_IsAccepted_WithoutAFile()
    {
        var v = Valid();
        var raw = new LiveArguments.Raw { Clob = v.Clob, Ws = v.Ws, Gamma = v.Gamma };
        Assert.True(LiveArguments.TryCreate(raw, name => name == "FASTMAKER_PRIVATE_KEY" ? "ab" : null, out var settings, out _));
        Assert.Null(settings!.KeyFile);
    }

    [Fact]
    public async Task MissingKeyFile_Exits2_NamingTheFile()
    {
        var v = Valid();
        var missing = Path.Combine(_dir, "nope.hex");
        var (code, error) = await RunAsync(new LiveArguments.Raw { Clob = v.Clob, Ws = v.Ws, Gamma = v.Gamma, KeyFile = missing });
        Assert.Equal(2, code);
        Assert.Contains("--key-file: no such file: " + missing, error);
    }

    [Fact]
    public async Task ProxySignatureType_WithoutFunder_Exits2()
    {
        var v = Valid();
        var (code, error) = await RunAsync(new LiveArguments.Raw { Clob = v.Clob, Ws = v.Ws, Gamma = v.Gamma, KeyFile = v.KeyFile, SignatureType = 1 });
        Assert.Equal(2, code);
        Assert.Contains("needs --funder", error);
    }

    [Theory]
    [InlineData(4, null, null, null, 0, "--signature-type must be")]
    [InlineData(0, "0x1234", null, null, 0, "--funder is not")]
    [InlineData(0, null, "0xabc", null, 0, "--markets: '0xabc' is not a condition id")]
    [InlineData(0, null, ",", null, 0, "--markets lists no condition id")]
    [InlineData(0, null, null, "fast", 0, "--profile must be")]
    [InlineData(0, null, null, null, -1, "--seconds must be")]
    public async Task BadOption_Exits2_WithTheReason(int signatureType, string? funder, string? markets, string? profile, int seconds, string reason)
    {
        var v = Valid();
        var raw = new LiveArguments.Raw
        {
            Clob = v.Clob, Ws = v.Ws, Gamma = v.Gamma, KeyFile = v.KeyFile,
            SignatureType = signatureType, Funder = funder, Markets = markets, Profile = profile, Seconds = seconds,
        };
        var (code, error) = await RunAsync(raw);
        Assert.Equal(2, code);
        Assert.Contains(reason, error);
    }

    [Fact]
    public async Task StoreInAMissingDirectory_Exits2()
    {
        var v = Valid();
        var store = Path.Combine(_dir, "no-such-dir", "s.db");
        var (code, error) = await RunAsync(new LiveArguments.Raw { Clob = v.Clob, Ws = v.Ws, Gamma = v.Gamma, KeyFile = v.KeyFile, Store = store });
        Assert.Equal(2, code);
        Assert.Contains("the directory of --store does not exist", error);
    }

    [Fact]
    public async Task UnreachableVenue_Exits2_WithAStartFailure_AndNeverPrintsTheKey()
    {
        var v = Valid();
        var (code, error) = await RunAsync(new LiveArguments.Raw { Clob = "http://127.0.0.1:9", Ws = v.Ws, Gamma = "http://127.0.0.1:9", KeyFile = v.KeyFile });
        Assert.Equal(2, code);
        Assert.Contains("live: start failed", error);
        Assert.DoesNotContain(File.ReadAllText(_keyFile), error);
    }

    [Fact]
    public void PrivateKeyOption_DoesNotExist_OnTheCommandLine()
    {
        var parse = Program.BuildRoot().Parse(["live", "--private-key", "00", "--clob", "http://x"]);
        Assert.NotEmpty(parse.Errors);
    }
}
