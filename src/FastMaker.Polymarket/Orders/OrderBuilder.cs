using System.Runtime.CompilerServices;
using System.Text;
using FastMaker.Polymarket.Signing;
using FastMaker.Primitives;

namespace FastMaker.Polymarket.Orders;

/// <summary>
/// Builds, hashes, signs and serialises orders for one account (the SignStage's work). Everything account-specific
/// (addresses as EIP-55 text, the owner, the exchange domains) is prepared in the constructor; <see cref="TryBuild"/>
/// then allocates nothing and reports bad input as an error value. Single-threaded, like the signer it uses.
/// </summary>
[SkipLocalsInit]
public sealed class OrderBuilder
{
    private readonly EthSigner _signer;
    private readonly EthAddress _maker;
    private readonly EthAddress _orderSigner;
    private readonly byte[] _makerText;
    private readonly byte[] _signerText;
    private readonly byte[] _ownerJson;
    private readonly long _chainId;

    // Decimal text of recently used token ids, direct-mapped: formatting a 77-digit id costs more than the rest of the body.
    private const int TokenTextSlots = 64;
    private readonly UInt256[] _tokenTextKeys = new UInt256[TokenTextSlots];
    private readonly byte[] _tokenTextLengths = new byte[TokenTextSlots];
    private readonly byte[] _tokenTexts = new byte[TokenTextSlots * UInt256.MaxDecimalDigits];

    /// <summary>
    /// Creates a builder. <paramref name="funder"/> is the proxy, safe or deposit wallet (required for signature types
    /// 1 to 3; null means the signer's own address). <paramref name="owner"/> is the L2 API key sent as the body's owner.
    /// </summary>
    public OrderBuilder(EthSigner signer, long chainId, SignatureType signatureType, EthAddress? funder, string owner, OrderVersion version = OrderVersion.V2)
    {
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(owner);
        if (chainId != ExchangeDomain.Polygon && chainId != ExchangeDomain.Amoy)
            throw new ArgumentOutOfRangeException(nameof(chainId), chainId, "chainId must be 137 (Polygon) or 80002 (Amoy).");
        if ((byte)signatureType > 3)
            throw new ArgumentOutOfRangeException(nameof(signatureType), signatureType, "signatureType must be 0, 1, 2 or 3.");
        if (signatureType != SignatureType.Eoa && funder is null)
            throw new ArgumentException($"signatureType {(int)signatureType} needs a funder address (proxy, safe or deposit wallet).", nameof(funder));
        Version = version;
        _signer = signer;
        _chainId = chainId;
        SignatureType = signatureType;
        EthAddress eoa = EthAddress.FromBytes(signer.Address);
        _maker = funder ?? eoa;
        // For POLY_1271 both maker and signer are the deposit wallet; otherwise the signer is the EOA.
        _orderSigner = signatureType == SignatureType.Poly1271 ? _maker : eoa;
        _makerText = Checksummed(_maker);
        _signerText = Checksummed(_orderSigner);
        _ownerJson = OrderBodyWriter.EscapeJsonString(owner);
    }

    /// <summary>The version used when a request does not set one; set from <c>GET /version</c> (see <see cref="OrderVersionPolicy"/>).</summary>
    public OrderVersion Version { get; set; }

    /// <summary>The signature type of every order built here.</summary>
    public SignatureType SignatureType { get; }

    /// <summary>The chain id.</summary>
    public long ChainId => _chainId;

    /// <summary>The order's maker address.</summary>
    public EthAddress Maker => _maker;

    /// <summary>The order's signer address (the deposit wallet for POLY_1271).</summary>
    public EthAddress OrderSigner => _orderSigner;

    /// <summary>
    /// Computes the amounts, fills the struct, computes the order id, signs, and writes the POST body into
    /// <paramref name="body"/> (at least <see cref="OrderBodyWriter.MaxLength"/> bytes is always enough) and the
    /// raw signature into <paramref name="signature"/> (at least <see cref="OrderHashing.Poly1271SignatureLength"/>
    /// bytes for POLY_1271, 65 otherwise).
    /// </summary>
    public OrderBuildError TryBuild(in OrderRequest request, SigningMode mode, Span<byte> body, Span<byte> signature, out SignedOrderInfo info)
    {
        info = default;
        OrderVersion version = request.Version ?? Version;
        info.Version = version;
        if (!ExchangeDomain.TryGet(_chainId, version, request.NegRisk, out ExchangeDomain domain))
            return OrderBuildError.UnsupportedVersionOrChain;
        if (request.Salt > ExchangeOrder.MaxSalt) return OrderBuildError.SaltTooLarge;
        if (request.TimestampMs <= 0) return OrderBuildError.InvalidTimestamp;
        if (request.TokenId.IsZero) return OrderBuildError.InvalidTokenId;
        bool marketable = request.OrderType is OrderType.Fok or OrderType.Fak;
        if (marketable && request.PostOnly) return OrderBuildError.PostOnlyNotAllowed;
        if ((request.OrderType == OrderType.Gtd) != (request.ExpirationSeconds > 0) || request.ExpirationSeconds < 0)
            return OrderBuildError.InvalidExpiration;
        int signatureLength = SignatureType == SignatureType.Poly1271 ? OrderHashing.Poly1271SignatureLength : OrderHashing.EcdsaSignatureLength;
        if (signature.Length < signatureLength) return OrderBuildError.DestinationTooSmall;

        OrderAmountError amountError = marketable
            ? OrderAmounts.TryMarket(request.Side, request.Price, request.Amount, request.TickSize, SizePrecision.Floor, out info.Amounts)
            : OrderAmounts.TryLimit(request.Side, request.Price, request.Size, request.TickSize, SizePrecision.Floor, out info.Amounts);
        if (amountError != OrderAmountError.None)
        {
            info.AmountError = amountError;
            return OrderBuildError.InvalidAmounts;
        }

        var order = new ExchangeOrder
        {
            Salt = request.Salt,
            Maker = _maker,
            Signer = _orderSigner,
            TokenId = request.TokenId,
            MakerAmount = info.Amounts.MakerAmount,
            TakerAmount = info.Amounts.TakerAmount,
            Side = request.Side,
            SignatureType = SignatureType,
            TimestampMs = request.TimestampMs,
            Metadata = request.Metadata,
            Builder = request.Builder,
        };
        return Sign(domain, order, mode, request.ExpirationSeconds, request.OrderType, request.PostOnly, request.DeferExec, body, signature, ref info);
    }

    /// <summary>
    /// Signs and serialises an order whose amounts are already exact base units (the SDK's
    /// <c>createExchangeV3OrderFromAmounts</c>, and the path for callers that size orders themselves).
    /// </summary>
    public OrderBuildError TryBuildFromAmounts(in OrderRequest request, OrderAmounts amounts, SigningMode mode, Span<byte> body, Span<byte> signature, out SignedOrderInfo info)
    {
        info = default;
        OrderVersion version = request.Version ?? Version;
        info.Version = version;
        if (!ExchangeDomain.TryGet(_chainId, version, request.NegRisk, out ExchangeDomain domain))
            return OrderBuildError.UnsupportedVersionOrChain;
        if (amounts.MakerAmount <= 0 || amounts.TakerAmount <= 0)
        {
            info.AmountError = OrderAmountError.AmountZero;
            return OrderBuildError.InvalidAmounts;
        }
        if (request.Salt > ExchangeOrder.MaxSalt) return OrderBuildError.SaltTooLarge;
        if (request.TimestampMs <= 0) return OrderBuildError.InvalidTimestamp;
        if (request.ExpirationSeconds < 0) return OrderBuildError.InvalidExpiration;
        int signatureLength = SignatureType == SignatureType.Poly1271 ? OrderHashing.Poly1271SignatureLength : OrderHashing.EcdsaSignatureLength;
        if (signature.Length < signatureLength) return OrderBuildError.DestinationTooSmall;
        info.Amounts = amounts;
        var order = new ExchangeOrder
        {
            Salt = request.Salt, Maker = _maker, Signer = _orderSigner, TokenId = request.TokenId,
            MakerAmount = amounts.MakerAmount, TakerAmount = amounts.TakerAmount, Side = request.Side,
            SignatureType = SignatureType, TimestampMs = request.TimestampMs, Metadata = request.Metadata, Builder = request.Builder,
        };
        return Sign(domain, order, mode, request.ExpirationSeconds, request.OrderType, request.PostOnly, request.DeferExec, body, signature, ref info);
    }

    private OrderBuildError Sign(ExchangeDomain domain, in ExchangeOrder order, SigningMode mode, long expiration, OrderType orderType,
        bool postOnly, bool deferExec, Span<byte> body, Span<byte> signature, ref SignedOrderInfo info)
    {
        Span<byte> structHash = stackalloc byte[32];
        Span<byte> digest = stackalloc byte[32];
        OrderHashing.StructHash(order, structHash);
        OrderHashing.Digest(domain, structHash, digest);
        info.OrderId = Hash32.FromBytes(digest);

        if (SignatureType == SignatureType.Poly1271)
        {
            Span<byte> innerDigest = stackalloc byte[32];
            Span<byte> inner = stackalloc byte[65];
            OrderHashing.Poly1271SigningDigest(domain, order, structHash, innerDigest);
            SignDigest(innerDigest, inner, mode);
            OrderHashing.WrapPoly1271(inner, domain, structHash, signature);
            info.SignatureLength = OrderHashing.Poly1271SignatureLength;
        }
        else
        {
            SignDigest(digest, signature[..65], mode);
            info.SignatureLength = OrderHashing.EcdsaSignatureLength;
        }

        if (!OrderBodyWriter.TryWriteCore(body, order, _makerText, _signerText, TokenIdText(order.TokenId), expiration, signature[..info.SignatureLength],
                _ownerJson, orderType, postOnly, deferExec, out info.BodyLength))
            return OrderBuildError.DestinationTooSmall;
        return OrderBuildError.None;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void SignDigest(ReadOnlySpan<byte> digest, Span<byte> signature65, SigningMode mode)
    {
        if (mode == SigningMode.Fast) _signer.Sign(digest, signature65);
        else _signer.SignDeterministic(digest, signature65);
    }

    private ReadOnlySpan<byte> TokenIdText(in UInt256 tokenId)
    {
        int slot = (int)(tokenId.U0 ^ (tokenId.U0 >> 29) ^ tokenId.U1) & (TokenTextSlots - 1);
        Span<byte> text = _tokenTexts.AsSpan(slot * UInt256.MaxDecimalDigits, UInt256.MaxDecimalDigits);
        int length = _tokenTextLengths[slot];
        if (length == 0 || _tokenTextKeys[slot] != tokenId)
        {
            tokenId.TryFormat(text, out length);
            _tokenTextKeys[slot] = tokenId;
            _tokenTextLengths[slot] = (byte)length;
        }

        return text[..length];
    }

    private static byte[] Checksummed(EthAddress address)
    {
        Span<byte> raw = stackalloc byte[EthAddress.Size];
        address.CopyTo(raw);
        return Encoding.ASCII.GetBytes(Eip55.Format(raw));
    }
}
