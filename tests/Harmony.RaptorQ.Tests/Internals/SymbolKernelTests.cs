using Harmony.RaptorQ.Internal;

namespace Harmony.RaptorQ.Tests.Internals;

/// <summary>The SIMD GF(256) kernels agree with scalar log/exp arithmetic for every factor and for lengths that hit every tail.</summary>
public class SymbolKernelTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(33)]
    [InlineData(64)]
    [InlineData(127)]
    [InlineData(1280)]
    public void Multiply_add_scale_and_xor_match_the_scalar_field(int length)
    {
        var random = new Random(length);
        byte[] source = new byte[length];
        byte[] start = new byte[length];
        random.NextBytes(source);
        random.NextBytes(start);
        for (int factor = 0; factor < 256; factor++)
        {
            byte f = (byte)factor;
            byte[] mulAdd = (byte[])start.Clone();
            SymbolKernels.MulAdd(mulAdd, source, f);
            byte[] mulTo = (byte[])start.Clone();
            SymbolKernels.MulTo(mulTo, source, f);
            byte[] scaleAdd = (byte[])start.Clone();
            SymbolKernels.ScaleAdd(scaleAdd, source, f);
            byte[] expectedMulAdd = new byte[length];
            byte[] expectedMulTo = new byte[length];
            byte[] expectedScaleAdd = new byte[length];
            for (int i = 0; i < length; i++)
            {
                byte product = Octet.Mul(f, source[i]);
                expectedMulAdd[i] = (byte)(start[i] ^ product);
                expectedMulTo[i] = product;
                expectedScaleAdd[i] = (byte)(Octet.Mul(f, start[i]) ^ source[i]);
            }

            mulAdd.AsSpan().SequenceEqual(expectedMulAdd).ShouldBeTrue($"MulAdd by {f}");
            mulTo.AsSpan().SequenceEqual(expectedMulTo).ShouldBeTrue($"MulTo by {f}");
            scaleAdd.AsSpan().SequenceEqual(expectedScaleAdd).ShouldBeTrue($"ScaleAdd by {f}");
        }

        byte[] xor = (byte[])start.Clone();
        SymbolKernels.Xor(xor, source);
        for (int i = 0; i < length; i++)
        {
            xor[i].ShouldBe((byte)(start[i] ^ source[i]));
        }
    }

    [Fact]
    public void Field_uses_the_rfc_polynomial_not_the_aes_one()
    {
        // α^8 = x^4 + x^3 + x^2 + 1 = 0x1D under 0x11D (it would be 0x1B under AES's 0x11B).
        Octet.AlphaPower(8).ShouldBe((byte)0x1D);
        for (int v = 1; v < 256; v++)
        {
            Octet.Mul((byte)v, Octet.Inverse((byte)v)).ShouldBe((byte)1);
            Octet.Div((byte)v, (byte)v).ShouldBe((byte)1);
        }

        Octet.Mul(0, 77).ShouldBe((byte)0);
    }
}
