// Element-wise primitives over either one double or a block of doubles (block<N>, an Eigen array
// of N "lanes", one candidate each). The model's formulas (temperature.hpp, model_formulas.hpp)
// are templates written once against these, so the scalar API instantiates them on double and
// the batch engine on blocks whose arithmetic, exp, log and sqrt run as SIMD packets: one copy of
// the physics.
//
// Comparisons of blocks give a block_mask (all bits set or clear per lane, so selects are packet
// and/andnot/or: Eigen 3.4's own bool arrays and select() are not vectorized). Combine masks with
// && || !, which are lane-wise and do not short-circuit. Compare only blocks and doubles (wrap an
// Eigen expression in Value(...)): an expression compared with Eigen's own operators gives a bool
// array, which the mask operators reject at compile time.
#pragma once

#include <Eigen/Core>

#include <bit>
#include <cmath>
#include <cstdint>
#include <type_traits>

#if defined(__SSE2__)
#include <immintrin.h>
#endif

namespace magmat::lanes {

namespace bits {
inline constexpr std::uint64_t all_ones = ~std::uint64_t{0};
inline double from_bool(bool b) { return std::bit_cast<double>(b ? all_ones : std::uint64_t{0}); }
inline std::uint64_t of(double x) { return std::bit_cast<std::uint64_t>(x); }

// Packet functors on mask bits and comparisons (the scalar operator() is Eigen's fallback path).
struct and_op {
  double operator()(double a, double b) const { return std::bit_cast<double>(of(a) & of(b)); }
  template <class Packet>
  Packet packetOp(const Packet& a, const Packet& b) const { return Eigen::internal::pand(a, b); }
};
struct or_op {
  double operator()(double a, double b) const { return std::bit_cast<double>(of(a) | of(b)); }
  template <class Packet>
  Packet packetOp(const Packet& a, const Packet& b) const { return Eigen::internal::por(a, b); }
};
struct and_not_op { // a & ~b
  double operator()(double a, double b) const { return std::bit_cast<double>(of(a) & ~of(b)); }
  template <class Packet>
  Packet packetOp(const Packet& a, const Packet& b) const { return Eigen::internal::pandnot(a, b); }
};
struct less_op {
  double operator()(double a, double b) const { return from_bool(a < b); }
  template <class Packet>
  Packet packetOp(const Packet& a, const Packet& b) const { return Eigen::internal::pcmp_lt(a, b); }
};
struct less_equal_op {
  double operator()(double a, double b) const { return from_bool(a <= b); }
  template <class Packet>
  Packet packetOp(const Packet& a, const Packet& b) const { return Eigen::internal::pcmp_le(a, b); }
};
struct equal_op {
  double operator()(double a, double b) const { return from_bool(a == b); }
  template <class Packet>
  Packet packetOp(const Packet& a, const Packet& b) const { return Eigen::internal::pcmp_eq(a, b); }
};
} // namespace bits
} // namespace magmat::lanes

namespace Eigen::internal {
template <>
struct functor_traits<magmat::lanes::bits::and_op> { enum { Cost = 1, PacketAccess = 1 }; };
template <>
struct functor_traits<magmat::lanes::bits::or_op> { enum { Cost = 1, PacketAccess = 1 }; };
template <>
struct functor_traits<magmat::lanes::bits::and_not_op> { enum { Cost = 1, PacketAccess = 1 }; };
template <>
struct functor_traits<magmat::lanes::bits::less_op> { enum { Cost = 1, PacketAccess = 1 }; };
template <>
struct functor_traits<magmat::lanes::bits::less_equal_op> { enum { Cost = 1, PacketAccess = 1 }; };
template <>
struct functor_traits<magmat::lanes::bits::equal_op> { enum { Cost = 1, PacketAccess = 1 }; };
} // namespace Eigen::internal

namespace magmat::lanes {

/// N doubles, one per lane: an Eigen array (all of Eigen's arithmetic) whose comparisons give
/// a block_mask.
template <int Size>
class block : public Eigen::Array<double, Size, 1> {
  using base = Eigen::Array<double, Size, 1>;

public:
  block() = default;
  template <class Derived>
  block(const Eigen::ArrayBase<Derived>& other) : base(other) {} // NOLINT: expressions convert implicitly
  template <class Derived>
  block& operator=(const Eigen::ArrayBase<Derived>& other) {
    base::operator=(other);
    return *this;
  }
};

/// One flag per lane of a block<Size>, stored as all-ones or all-zero bits.
template <int Size>
class block_mask {
public:
  Eigen::Array<double, Size, 1> bits;

  bool operator()(Eigen::Index lane) const { return bits::of(bits.coeff(lane)) != 0; }
  friend block_mask operator&&(const block_mask& a, const block_mask& b) {
    return {a.bits.binaryExpr(b.bits, bits::and_op{})};
  }
  friend block_mask operator||(const block_mask& a, const block_mask& b) {
    return {a.bits.binaryExpr(b.bits, bits::or_op{})};
  }
  friend block_mask operator!(const block_mask& a) {
    return {Eigen::Array<double, Size, 1>::Constant(std::bit_cast<double>(bits::all_ones)).binaryExpr(a.bits, bits::and_not_op{})};
  }
};

template <class Value>
struct traits {
  using mask = bool;
  static constexpr bool is_block = false;
};
template <int Size>
struct traits<block<Size>> {
  using mask = block_mask<Size>;
  static constexpr bool is_block = true;
};

/// bool for a double, a block_mask for a block.
template <class Value>
using mask_of = typename traits<Value>::mask;

/// True for a block of lanes, false for a double (or a Boost.Units quantity).
template <class Value>
inline constexpr bool is_lanes = traits<Value>::is_block;

// Comparisons: block with block, block with double (either side).
template <int Size, class Op>
block_mask<Size> compare(const block<Size>& a, const block<Size>& b, Op op) {
  return {a.binaryExpr(b, op)};
}
template <int Size>
block_mask<Size> operator<(const block<Size>& a, const block<Size>& b) { return compare(a, b, bits::less_op{}); }
template <int Size>
block_mask<Size> operator<=(const block<Size>& a, const block<Size>& b) { return compare(a, b, bits::less_equal_op{}); }
template <int Size>
block_mask<Size> operator>(const block<Size>& a, const block<Size>& b) { return compare(b, a, bits::less_op{}); }
template <int Size>
block_mask<Size> operator>=(const block<Size>& a, const block<Size>& b) { return compare(b, a, bits::less_equal_op{}); }
template <int Size>
block_mask<Size> operator==(const block<Size>& a, const block<Size>& b) { return compare(a, b, bits::equal_op{}); }
#define MAGMAT_LANES_COMPARE_WITH_DOUBLE(op)                                                                        \
  template <int Size>                                                                                               \
  block_mask<Size> operator op(const block<Size>& a, double b) {                                                    \
    return a op block<Size>(block<Size>::Constant(b));                                                              \
  }                                                                                                                 \
  template <int Size>                                                                                               \
  block_mask<Size> operator op(double a, const block<Size>& b) {                                                    \
    return block<Size>(block<Size>::Constant(a)) op b;                                                              \
  }
MAGMAT_LANES_COMPARE_WITH_DOUBLE(<)
MAGMAT_LANES_COMPARE_WITH_DOUBLE(<=)
MAGMAT_LANES_COMPARE_WITH_DOUBLE(>)
MAGMAT_LANES_COMPARE_WITH_DOUBLE(>=)
MAGMAT_LANES_COMPARE_WITH_DOUBLE(==)
#undef MAGMAT_LANES_COMPARE_WITH_DOUBLE

/// `x` in every lane.
template <class Value>
Value filled(double x) {
  if constexpr (is_lanes<Value>) return Value::Constant(x);
  else return x;
}

/// A mask of `Value` with `flag` in every lane.
template <class Value>
mask_of<Value> filled_mask(bool flag) {
  if constexpr (is_lanes<Value>) return {decltype(mask_of<Value>::bits)::Constant(bits::from_bool(flag))};
  else return flag;
}

/// The lanes of a mask as bits, bit i for lane i: one movemask a packet where the target has
/// SSE2 or AVX (a lane's bits are all set or all clear, so its sign bit is the flag).
template <int Size>
std::uint32_t lane_bits(const block_mask<Size>& m) {
  static_assert(Size <= 32, "a mask's lanes fit in 32 bits");
  std::uint32_t out = 0;
  const double* lanes = m.bits.data();
#if defined(__AVX__)
  if constexpr (Size % 4 == 0) {
    for (int i = 0; i < Size; i += 4)
      out |= static_cast<std::uint32_t>(_mm256_movemask_pd(_mm256_loadu_pd(lanes + i))) << i;
    return out;
  }
#endif
#if defined(__SSE2__)
  if constexpr (Size % 2 == 0) {
    for (int i = 0; i < Size; i += 2) out |= static_cast<std::uint32_t>(_mm_movemask_pd(_mm_loadu_pd(lanes + i))) << i;
    return out;
  }
#endif
  for (int i = 0; i < Size; ++i) out |= static_cast<std::uint32_t>(bits::of(lanes[i]) >> 63) << i;
  return out;
}

inline bool any(bool m) { return m; }
template <int Size>
bool any(const block_mask<Size>& m) {
  return lane_bits(m) != 0;
}
inline bool all(bool m) { return m; }
template <int Size>
bool all(const block_mask<Size>& m) {
  return lane_bits(m) == (Size == 32 ? ~std::uint32_t{0} : (std::uint32_t{1} << Size) - 1);
}

/// Lane-wise `condition ? a : b`; a and b are blocks, Eigen expressions or doubles.
inline double where(bool condition, double a, double b) { return condition ? a : b; }
namespace bits {
// An operand of where(): a double as a constant expression, an Eigen object or expression as is.
template <int Size, class X>
decltype(auto) operand(const X& x) {
  if constexpr (std::is_arithmetic_v<X>) return block<Size>::Constant(x);
  else return (x);
}
} // namespace bits
template <int Size, class A, class B>
block<Size> where(const block_mask<Size>& condition, const A& a, const B& b) {
  return condition.bits.binaryExpr(bits::operand<Size>(a), bits::and_op{})
      .binaryExpr(bits::operand<Size>(b).binaryExpr(condition.bits, bits::and_not_op{}), bits::or_op{});
}

inline double abs(double x) { return std::abs(x); }
template <int Size>
block<Size> abs(const block<Size>& x) { return x.abs(); }

inline double exp(double x) { return std::exp(x); }
template <int Size>
block<Size> exp(const block<Size>& x) { return x.exp(); }

inline double log(double x) { return std::log(x); }
template <int Size>
block<Size> log(const block<Size>& x) { return x.log(); }

inline double sqrt(double x) { return std::sqrt(x); }
template <int Size>
block<Size> sqrt(const block<Size>& x) { return x.sqrt(); }

inline double min(double a, double b) { return a < b ? a : b; }
template <int Size, class B>
block<Size> min(const block<Size>& a, const B& b) { return where(a < b, a, b); }

/// std::clamp, lane-wise (a NaN stays NaN, as in std::clamp).
template <class Value, class Low, class High>
Value clamp(const Value& x, const Low& low, const High& high) {
  if constexpr (is_lanes<Value>) {
    const Value above_low = where(x < low, low, x);
    return where(above_low > high, high, above_low);
  } else {
    return x < low ? low : (high < x ? high : x);
  }
}

/// x^p for x > 0. Blocks: exp(p log x) in packets (relative error ~|p log x| ulp).
inline double pow(double x, double p) { return std::pow(x, p); }
template <int Size>
block<Size> pow(const block<Size>& x, double p) { return (p * x.log()).exp(); }

namespace bits {
/// x^(-1/3) on [1/8, 1] within 5.73e-4 relative: the coefficient of x^k (k = 0..7) of a minimax
/// fit in relative error (magmat's: Lawson's iteration on weighted least squares at 800
/// Chebyshev points; tests/cpp/test_lanes.cpp checks the bound). A function, not an array: the
/// batch's AVX2 kernel must define no data of its own (batch/kernel.hpp), and a call inlines.
constexpr double cube_root_start(int k) {
  constexpr double coefficients[8] = {3.145348338927475,   -15.01488123878705,  64.58566330051306,
                                      -174.92588193294992, 291.2314859811467,   -288.77337471598526,
                                      156.10418107932233,  -35.35311357496815};
  return coefficients[k];
}
} // namespace bits

/// Cube root. Blocks (Eigen has no packet cbrt), with no division, log or exp: a start r for
/// x^(-1/3), division-free third-order steps r *= 1 + e/3 + 2e^2/9 with e = 1 - x r^3 (the series
/// of (1 - e)^(-1/3) to e^2, leaving 14 e^3 / 81), then y = x r^2 and one Newton step on the root
/// itself, dividing by 3 y^2 as a product with r^2 / 3 (r = 1/y to 1e-9, so within 1e-18 of the
/// step). The start: where every lane is in [1/8, 1] (m^3 of the magnetization laws from m = 1/2
/// up), a polynomial of degree 7 (within 5.8e-4) and one step (to 1e-9); elsewhere a third of the
/// exponent from the bit pattern (within 3.5 %) and two steps (3e-4, then 1e-10). Within 3 ulp of
/// std::cbrt for normal x > 0 (tests/cpp/test_lanes.cpp); NaN or garbage for x <= 0 (callers mask
/// those lanes).
inline double cbrt(double x) { return std::cbrt(x); }
template <int Size>
block<Size> cbrt(const block<Size>& x) {
  auto third_order_step = [&x](block<Size>& r) {
    const block<Size> e = 1.0 - x * r * r * r;
    r += r * (e * (1.0 / 3.0 + e * (2.0 / 9.0)));
  };
  block<Size> r;
  if (all((x >= 0.125) && (x <= 1.0))) {
    r = block<Size>::Constant(bits::cube_root_start(7));
    for (int k = 6; k >= 0; --k) r = bits::cube_root_start(k) + x * r;
    third_order_step(r);
  } else {
    // The start C - bits(x) / 3 (C = 0x553EF0FF289DD796) with the division in packets: the high
    // 32 bits h of bits(x) become the double h (exponent 2^52 trick), h / 3 is rounded to an
    // integer the same way, and C - round(h / 3) 2^32 differs from the exact start by 2^-20
    // relative at most, far inside the first step's reach.
    constexpr std::uint64_t two_52_bits = 0x4330000000000000; // 2^52: its ulp is 1
    constexpr double two_52 = 0x1p52;
    for (Eigen::Index lane = 0; lane < Size; ++lane) {
      const double high = std::bit_cast<double>((bits::of(x.coeff(lane)) >> 32) | two_52_bits) - two_52;
      const std::uint64_t third = bits::of(high * (1.0 / 3.0) + two_52) - two_52_bits;
      r(lane) = std::bit_cast<double>(0x553EF0FF289DD796 - (third << 32));
    }
    third_order_step(r);
    third_order_step(r);
  }
  const block<Size> y = x * r * r;
  return y - (y * y * y - x) * (r * r * (1.0 / 3.0));
}

/// atanh(x) for 0 <= x < 1. Blocks: log((1 + x) / (1 - x)) / 2 in packets (a few ulp from
/// x = 0.1 up, an absolute error ~1e-16 below: enough for the solvers' starts, its only use).
inline double atanh(double x) { return std::atanh(x); }
template <int Size>
block<Size> atanh(const block<Size>& x) { return 0.5 * ((1.0 + x) / (1.0 - x)).log(); }

/// x is neither infinite nor NaN.
inline bool is_finite(double x) { return std::isfinite(x); }
template <int Size>
block_mask<Size> is_finite(const block<Size>& x) { return abs(x) < HUGE_VAL; }

/// The first lane (or the value) of `x` where `bad` holds, for an error message.
/// Always inlined: compilers keep calls on a throwing path out of line otherwise, and the batch
/// engine's AVX2 kernel must define no inline function of its own (batch/kernel.hpp).
inline double first_where(bool, double x) { return x; }
template <int Size>
[[gnu::always_inline]] inline double first_where(const block_mask<Size>& bad, const block<Size>& x) {
  for (Eigen::Index i = 0; i < Size; ++i)
    if (bad(i)) return x.coeff(i);
  return x.coeff(0);
}

} // namespace magmat::lanes
