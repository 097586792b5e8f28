using System.Reflection;
using System.Reflection.Emit;
using FastMaker.Engine.Gate;
using FastMaker.Engine.Signing;
using FastMaker.Polymarket.Orders;
using FastMaker.Polymarket.Signing;

namespace FastMaker.Engine.Tests.Gate;

/// <summary>
/// Proves the gate is the only path to the signer by reading the IL of every method in the engine assembly:
/// only ExecutionGate constructs an ApprovedIntent, issues tickets or calls the sign stage; only SignStage calls the
/// order builder, the ECDSA signer or the body writer. A new path anywhere else fails this test.
/// </summary>
public class SignerReachabilityTests
{
    private static readonly Type Gate = typeof(ExecutionGate);
    private static readonly Type Stage = typeof(SignStage);

    private static IEnumerable<(MethodBase Target, Type AllowedCaller)> Rules()
    {
        foreach (var c in typeof(ApprovedIntent).GetConstructors(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)) yield return (c, Gate);
        yield return (typeof(SignStage).GetMethod("SignOrder", BindingFlags.Instance | BindingFlags.NonPublic)!, Gate);
        yield return (typeof(SignStage).GetMethod("SignCancel", BindingFlags.Instance | BindingFlags.NonPublic)!, Gate);
        yield return (typeof(SignStage).Assembly.GetType("FastMaker.Engine.Gate.ApprovalTickets")!.GetMethod("Issue")!, Gate);
        foreach (var m in typeof(OrderBuilder).GetMethods().Where(m => m.Name.StartsWith("TryBuild", StringComparison.Ordinal))) yield return (m, Stage);
        yield return (typeof(EthSigner).GetMethod(nameof(EthSigner.Sign))!, Stage);
        yield return (typeof(EthSigner).GetMethod(nameof(EthSigner.SignDeterministic))!, Stage);
        yield return (typeof(OrderBodyWriter).GetMethod(nameof(OrderBodyWriter.TryWrite))!, Stage);
    }

    [Fact]
    public void OnlyTheGateReachesTheSignStage_AndOnlyTheSignStageReachesTheSigner()
    {
        var rules = Rules().ToList();
        Assert.Equal(9, rules.Count); // 1 constructor, 2 stage entries, Issue, 2 builder entries, 2 signer entries, the body writer
        var violations = new List<string>();
        var seen = new HashSet<MethodBase>();
        foreach (var (caller, callee) in CallSites(typeof(ExecutionGate).Assembly))
        {
            foreach (var (target, allowed) in rules)
            {
                if (!SameMethod(callee, target)) continue;
                seen.Add(target);
                if (!IsWithin(caller.DeclaringType, allowed)) violations.Add($"{caller.DeclaringType?.FullName}.{caller.Name} calls {target.DeclaringType?.Name}.{target.Name}");
            }
        }

        Assert.Empty(violations);
        // The scan sees the legitimate paths, so an empty violation list is not an empty scan.
        Assert.Contains(typeof(ApprovedIntent).GetConstructors(BindingFlags.Instance | BindingFlags.NonPublic)[0], seen);
        Assert.Contains(typeof(OrderBuilder).GetMethod(nameof(OrderBuilder.TryBuild))!, seen);
    }

    [Fact]
    public void ApprovedIntent_HasNoPublicConstructor_AndTheStageEntriesAreInternal()
    {
        Assert.Empty(typeof(ApprovedIntent).GetConstructors(BindingFlags.Instance | BindingFlags.Public));
        Assert.True(typeof(SignStage).GetMethod("SignOrder", BindingFlags.Instance | BindingFlags.NonPublic)!.IsAssembly);
        Assert.True(typeof(SignStage).GetMethod("SignCancel", BindingFlags.Instance | BindingFlags.NonPublic)!.IsAssembly);
        Assert.Null(typeof(SignStage).GetMethod("SignOrder", BindingFlags.Instance | BindingFlags.Public));
    }

    [Fact]
    public void Scanner_FindsABypass_WhenOneExists()
    {
        // This test assembly holds a deliberate bypass; the same scan must flag it.
        var found = CallSites(typeof(SignerReachabilityTests).Assembly)
            .Where(cs => cs.Caller.DeclaringType == typeof(BypassAttempt))
            .Select(cs => cs.Callee.Name)
            .ToList();
        Assert.Contains("TryBuild", found);
        Assert.Contains(".ctor", found);
    }

    [Fact]
    public void ForgedOrReplayedApproval_IsRefusedByTheSignStage()
    {
        using var f = new GateFixture();
        var forged = BypassAttempt.Forge(f.Bid());
        Assert.Null(f.Sign.SignOrder(forged, GateFixture.T0, out _));
        Assert.Null(f.Sign.SignOrder(default, GateFixture.T0, out _));
        Assert.Null(f.Sign.SignCancel(default, GateFixture.T0));
        Assert.Equal(3, f.Sign.RefusedApprovals);
        Assert.Equal(0, f.Sign.OrdersSigned);
    }

    private static bool SameMethod(MethodBase a, MethodBase b) => a.MetadataToken == b.MetadataToken && a.Module == b.Module;

    private static bool IsWithin(Type? type, Type allowed)
    {
        for (var t = type; t is not null; t = t.DeclaringType)
        {
            if (t == allowed) return true;
        }

        return false;
    }

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(fi => (OpCode)fi.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>Every call, callvirt, newobj and ldftn in every method and constructor of an assembly.</summary>
    internal static IEnumerable<(MethodBase Caller, MethodBase Callee)> CallSites(Assembly assembly)
    {
        const BindingFlags all = BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        foreach (var type in assembly.GetTypes())
        {
            var methods = type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all));
            foreach (var method in methods)
            {
                byte[]? il = method.GetMethodBody()?.GetILAsByteArray();
                if (il is null) continue;
                int i = 0;
                while (i < il.Length)
                {
                    short value = il[i] == 0xFE ? (short)(0xFE00 | il[i + 1]) : il[i];
                    i += il[i] == 0xFE ? 2 : 1;
                    var op = OpCodesByValue[value];
                    if (op.OperandType == OperandType.InlineMethod)
                    {
                        int token = BitConverter.ToInt32(il, i);
                        MethodBase? callee = null;
                        try
                        {
                            callee = method.Module.ResolveMethod(token, type.IsGenericType ? type.GetGenericArguments() : null,
                                method.IsGenericMethod ? method.GetGenericArguments() : null);
                        }
                        catch (ArgumentException)
                        {
                        }

                        if (callee is not null) yield return (method, callee);
                    }

                    i += OperandSize(op, il, i);
                }
            }
        }
    }

    private static int OperandSize(OpCode op, byte[] il, int at) => op.OperandType switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, at),
        _ => 4,
    };
}

/// <summary>A deliberate bypass, scanned by <see cref="SignerReachabilityTests.Scanner_FindsABypass_WhenOneExists"/>; never called to sign.</summary>
internal static class BypassAttempt
{
    public static ApprovedIntent Forge(in FastMaker.Engine.Orders.OrderIntent intent) =>
        new(12345, intent, OrderType.Gtc, default, 0, default, false, default, default);

    public static OrderBuildError SignDirectly(OrderBuilder builder, in OrderRequest request, byte[] body, byte[] signature) =>
        builder.TryBuild(request, SigningMode.Deterministic, body, signature, out _);
}
