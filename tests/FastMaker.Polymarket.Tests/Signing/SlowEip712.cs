using System.Numerics;
using System.Text;
using Org.BouncyCastle.Crypto.Digests;

namespace FastMaker.Polymarket.Tests.Signing;

/// <summary>A deliberately naive EIP-712 encoder (BigInteger, BouncyCastle Keccak, field list) used as the oracle
/// for the allocation-free production encoders.</summary>
internal static class SlowEip712
{
    public static byte[] Keccak(byte[] data)
    {
        var digest = new KeccakDigest(256);
        digest.BlockUpdate(data, 0, data.Length);
        var output = new byte[32];
        digest.DoFinal(output, 0);
        return output;
    }

    public static byte[] HashStruct(string encodedType, params (string Type, object Value)[] fields)
    {
        var buffer = new List<byte>(Keccak(Encoding.UTF8.GetBytes(encodedType)));
        foreach (var (type, value) in fields) buffer.AddRange(EncodeValue(type, value));
        return Keccak([.. buffer]);
    }

    public static byte[] Digest(byte[] domainSeparator, byte[] structHash) => Keccak([0x19, 0x01, .. domainSeparator, .. structHash]);

    public static byte[] DomainSeparator(string name, string version, ulong chainId, string? verifyingContract)
    {
        if (verifyingContract is null)
            return HashStruct("EIP712Domain(string name,string version,uint256 chainId)", ("string", name), ("string", version), ("uint256", (BigInteger)chainId));
        return HashStruct("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)",
            ("string", name), ("string", version), ("uint256", (BigInteger)chainId), ("address", verifyingContract));
    }

    private static byte[] EncodeValue(string type, object value)
    {
        switch (type)
        {
            case "string":
                return Keccak(Encoding.UTF8.GetBytes((string)value));
            case "address":
                return [.. new byte[12], .. Convert.FromHexString(((string)value)[2..])];
            case "bytes32":
                return (byte[])value;
            default:
                var integer = (BigInteger)value;
                var bytes = integer.ToByteArray(isUnsigned: true, isBigEndian: true);
                var word = new byte[32];
                bytes.CopyTo(word, 32 - bytes.Length);
                return word;
        }
    }
}
