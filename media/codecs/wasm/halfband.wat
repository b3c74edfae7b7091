;; Half-band 2:1 FIR kernels (f32x4 SIMD) behind media/codecs/halfband-wasm.ts; the same filter as the
;; JS reference in halfband-js.ts. Rebuild the embedded binary: node media/codecs/wasm/build.js
;;
;; Memory; every address but the coefficients' comes from the JS side as an argument:
;;   0..207    2·h[i] splatted ×4 (up2: the ×2 interpolation gain folded in), i = 0..12
;;   256..463  h[i] splatted ×4 (down2)
;;   in, out   s16 scratch; work: f32 history + frame. Kernels run in blocks of 16 outputs and
;;             read/write up to ~48 samples past the end: the JS side pads every area.
;;   st        per-stage state (history), 256 bytes, from the JS slot allocator.
;; Precision: s16 sums are exact in f32; rounding of products and partial sums (< 2^17) adds under
;; 0.2 at worst, so outputs match the f64 JS reference within ±1 LSB (and mostly exactly).
;; V8 codegen notes: fully unrolled taps ran slower (TurboFan hoists every load, then spills), hence
;; tap loops over 4 independent accumulators (16 outputs: hides the add latency); it does not inline
;; calls (Node 20) and i32x4.trunc_sat is ~5 x86 ops, hence the inline magic-number rounding; and
;; memory.copy is a C call, hence $copy.
(module
  (memory (export "mem") 1)

  ;; Copy 16·k bytes (small fixed-size history moves).
  (func $copy (param $dst i32) (param $src i32) (param $k i32)
    (loop $next
      (v128.store (local.get $dst) (v128.load (local.get $src)))
      (local.set $dst (i32.add (local.get $dst) (i32.const 16)))
      (local.set $src (i32.add (local.get $src) (i32.const 16)))
      (br_if $next (local.tee $k (i32.sub (local.get $k) (i32.const 1))))))

  ;; f32 -> s16 below: adding 1.5·2^23 leaves round(v) (nearest, ties even; |v| < 2^22) in the low
  ;; mantissa bits, subtracting its bit pattern as an i32 gives the integer, and the narrow saturates.

  ;; ×2 interpolator. st: the last 26 inputs (f32). work: [26 history | n new] (f32).
  ;; Output pair j: even = x[j+13] (the input itself), odd = Σ 2h[i]·(x[j+13-i] + x[j+14+i]).
  (func (export "up2") (param $st i32) (param $in i32) (param $n i32) (param $out i32) (param $w i32)
    (local $i i32) (local $p i32) (local $c i32) (local $lo i32) (local $hi i32)
    (local $v v128) (local $k v128) (local $a v128) (local $b v128) (local $c2 v128) (local $d v128) (local $e v128) (local $o v128)
    (call $copy (local.get $w) (local.get $st) (i32.const 7)) ;; 104 bytes, rounded up
    ;; s16 -> f32, 8 per step
    (local.set $i (i32.const 0))
    (block $done (loop $cvt
      (br_if $done (i32.ge_s (local.get $i) (local.get $n)))
      (local.set $v (v128.load (i32.add (local.get $in) (i32.shl (local.get $i) (i32.const 1)))))
      (local.set $p (i32.add (local.get $w) (i32.shl (local.get $i) (i32.const 2))))
      (v128.store offset=104 (local.get $p) (f32x4.convert_i32x4_s (i32x4.extend_low_i16x8_s (local.get $v))))
      (v128.store offset=120 (local.get $p) (f32x4.convert_i32x4_s (i32x4.extend_high_i16x8_s (local.get $v))))
      (local.set $i (i32.add (local.get $i) (i32.const 8)))
      (br $cvt)))
    ;; 16 output pairs per step: a, b, c2, d = odd outputs j..j+3, j+4..j+7, ...
    (local.set $i (i32.const 0))
    (block $done (loop $fir
      (br_if $done (i32.ge_s (local.get $i) (local.get $n)))
      (local.set $a (v128.const i32x4 0 0 0 0))
      (local.set $b (v128.const i32x4 0 0 0 0))
      (local.set $c2 (v128.const i32x4 0 0 0 0))
      (local.set $d (v128.const i32x4 0 0 0 0))
      (local.set $c (i32.const 0))
      (local.set $lo (i32.add (local.get $w) (i32.shl (i32.add (local.get $i) (i32.const 13)) (i32.const 2))))
      (local.set $hi (i32.add (local.get $lo) (i32.const 4)))
      (loop $tap
        (local.set $k (v128.load (local.get $c)))
        (local.set $a (f32x4.add (local.get $a) (f32x4.mul (local.get $k)
          (f32x4.add (v128.load (local.get $lo)) (v128.load (local.get $hi))))))
        (local.set $b (f32x4.add (local.get $b) (f32x4.mul (local.get $k)
          (f32x4.add (v128.load offset=16 (local.get $lo)) (v128.load offset=16 (local.get $hi))))))
        (local.set $c2 (f32x4.add (local.get $c2) (f32x4.mul (local.get $k)
          (f32x4.add (v128.load offset=32 (local.get $lo)) (v128.load offset=32 (local.get $hi))))))
        (local.set $d (f32x4.add (local.get $d) (f32x4.mul (local.get $k)
          (f32x4.add (v128.load offset=48 (local.get $lo)) (v128.load offset=48 (local.get $hi))))))
        (local.set $lo (i32.sub (local.get $lo) (i32.const 4)))
        (local.set $hi (i32.add (local.get $hi) (i32.const 4)))
        (br_if $tap (i32.lt_u (local.tee $c (i32.add (local.get $c) (i32.const 16))) (i32.const 208))))
      ;; round to s16; lo is back at x[j], so the even outputs x[j+13..] are at lo + 52
      (local.set $v (v128.const f32x4 12582912 12582912 12582912 12582912))
      (local.set $k (v128.const i32x4 0x4b400000 0x4b400000 0x4b400000 0x4b400000))
      (local.set $o (i16x8.narrow_i32x4_s
        (i32x4.sub (f32x4.add (local.get $a) (local.get $v)) (local.get $k))
        (i32x4.sub (f32x4.add (local.get $b) (local.get $v)) (local.get $k))))
      (local.set $e (i16x8.narrow_i32x4_s
        (i32x4.sub (f32x4.add (v128.load offset=52 (local.get $lo)) (local.get $v)) (local.get $k))
        (i32x4.sub (f32x4.add (v128.load offset=68 (local.get $lo)) (local.get $v)) (local.get $k))))
      (local.set $p (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 2))))
      (v128.store (local.get $p) (i8x16.shuffle 0 1 16 17 2 3 18 19 4 5 20 21 6 7 22 23 (local.get $e) (local.get $o)))
      (v128.store offset=16 (local.get $p) (i8x16.shuffle 8 9 24 25 10 11 26 27 12 13 28 29 14 15 30 31 (local.get $e) (local.get $o)))
      (local.set $o (i16x8.narrow_i32x4_s
        (i32x4.sub (f32x4.add (local.get $c2) (local.get $v)) (local.get $k))
        (i32x4.sub (f32x4.add (local.get $d) (local.get $v)) (local.get $k))))
      (local.set $e (i16x8.narrow_i32x4_s
        (i32x4.sub (f32x4.add (v128.load offset=84 (local.get $lo)) (local.get $v)) (local.get $k))
        (i32x4.sub (f32x4.add (v128.load offset=100 (local.get $lo)) (local.get $v)) (local.get $k))))
      (v128.store offset=32 (local.get $p) (i8x16.shuffle 0 1 16 17 2 3 18 19 4 5 20 21 6 7 22 23 (local.get $e) (local.get $o)))
      (v128.store offset=48 (local.get $p) (i8x16.shuffle 8 9 24 25 10 11 26 27 12 13 28 29 14 15 30 31 (local.get $e) (local.get $o)))
      (local.set $i (i32.add (local.get $i) (i32.const 16)))
      (br $fir)))
    ;; the last 26 inputs are the next call's history
    (call $copy (local.get $st) (i32.add (local.get $w) (i32.shl (local.get $n) (i32.const 2))) (i32.const 7)))

  ;; ÷2 decimator, polyphase: outputs are centred on even input times t, whose taps are all odd t.
  ;; Split the stream into E[k] = x[2k], O[k] = x[2k+1]; with m counted from this call's first output,
  ;; y[m] = 0.5·E[m] + Σ h[i]·(O[m+12-i] + O[m+13+i]) over work arrays Eb (12 history) and Ob (25).
  ;; st: +0 i32 pending (input count parity), +16 13 f32 Eb history (+ the pending sample), +80 25 f32 Ob.
  ;; Returns the number of outputs, floor((pending + n) / 2).
  (func (export "down2") (param $st i32) (param $in i32) (param $n i32) (param $out i32) (param $eb i32) (param $ob i32) (result i32)
    (local $i i32) (local $p i32) (local $q i32) (local $c i32) (local $lo i32) (local $hi i32) (local $outN i32) (local $pend i32)
    (local $v v128) (local $k v128) (local $a v128) (local $b v128) (local $c2 v128) (local $d v128)
    (local.set $pend (i32.load (local.get $st)))
    (local.set $outN (i32.shr_u (i32.add (local.get $pend) (local.get $n)) (i32.const 1)))
    (i32.store (local.get $st) (i32.and (i32.add (local.get $pend) (local.get $n)) (i32.const 1)))
    (call $copy (local.get $eb) (i32.add (local.get $st) (i32.const 16)) (i32.const 4)) ;; 52 bytes, rounded up
    (call $copy (local.get $ob) (i32.add (local.get $st) (i32.const 80)) (i32.const 7)) ;; 100 bytes
    ;; E writes start after the history (+ the pending E sample); O writes after its 25 history.
    (local.set $p (i32.add (local.get $eb) (i32.shl (i32.add (local.get $pend) (i32.const 12)) (i32.const 2))))
    (local.set $q (i32.add (local.get $ob) (i32.const 100)))
    (if (i32.and (local.get $pend) (i32.gt_s (local.get $n) (i32.const 0)))
      (then ;; the first sample completes the pending pair: it is odd
        (f32.store (local.get $q) (f32.convert_i32_s (i32.load16_s (local.get $in))))
        (local.set $q (i32.add (local.get $q) (i32.const 4)))
        (local.set $in (i32.add (local.get $in) (i32.const 2)))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))))
    ;; deinterleave 4 (even, odd) pairs per step: as i32 lanes, even = low half, odd = high half
    (local.set $i (i32.const 0))
    (block $done (loop $cvt
      (br_if $done (i32.ge_s (local.get $i) (local.get $n)))
      (local.set $v (v128.load (i32.add (local.get $in) (i32.shl (local.get $i) (i32.const 1)))))
      (v128.store (i32.add (local.get $p) (i32.shl (local.get $i) (i32.const 1)))
        (f32x4.convert_i32x4_s (i32x4.shr_s (i32x4.shl (local.get $v) (i32.const 16)) (i32.const 16))))
      (v128.store (i32.add (local.get $q) (i32.shl (local.get $i) (i32.const 1)))
        (f32x4.convert_i32x4_s (i32x4.shr_s (local.get $v) (i32.const 16))))
      (local.set $i (i32.add (local.get $i) (i32.const 8)))
      (br $cvt)))
    ;; 16 outputs per step
    (local.set $i (i32.const 0))
    (block $done (loop $fir
      (br_if $done (i32.ge_s (local.get $i) (local.get $outN)))
      (local.set $p (i32.add (local.get $eb) (i32.shl (local.get $i) (i32.const 2))))
      (local.set $k (v128.const f32x4 0.5 0.5 0.5 0.5))
      (local.set $a (f32x4.mul (v128.load (local.get $p)) (local.get $k)))
      (local.set $b (f32x4.mul (v128.load offset=16 (local.get $p)) (local.get $k)))
      (local.set $c2 (f32x4.mul (v128.load offset=32 (local.get $p)) (local.get $k)))
      (local.set $d (f32x4.mul (v128.load offset=48 (local.get $p)) (local.get $k)))
      (local.set $c (i32.const 256))
      (local.set $lo (i32.add (local.get $ob) (i32.shl (i32.add (local.get $i) (i32.const 12)) (i32.const 2))))
      (local.set $hi (i32.add (local.get $lo) (i32.const 4)))
      (loop $tap
        (local.set $k (v128.load (local.get $c)))
        (local.set $a (f32x4.add (local.get $a) (f32x4.mul (local.get $k)
          (f32x4.add (v128.load (local.get $lo)) (v128.load (local.get $hi))))))
        (local.set $b (f32x4.add (local.get $b) (f32x4.mul (local.get $k)
          (f32x4.add (v128.load offset=16 (local.get $lo)) (v128.load offset=16 (local.get $hi))))))
        (local.set $c2 (f32x4.add (local.get $c2) (f32x4.mul (local.get $k)
          (f32x4.add (v128.load offset=32 (local.get $lo)) (v128.load offset=32 (local.get $hi))))))
        (local.set $d (f32x4.add (local.get $d) (f32x4.mul (local.get $k)
          (f32x4.add (v128.load offset=48 (local.get $lo)) (v128.load offset=48 (local.get $hi))))))
        (local.set $lo (i32.sub (local.get $lo) (i32.const 4)))
        (local.set $hi (i32.add (local.get $hi) (i32.const 4)))
        (br_if $tap (i32.lt_u (local.tee $c (i32.add (local.get $c) (i32.const 16))) (i32.const 464))))
      (local.set $v (v128.const f32x4 12582912 12582912 12582912 12582912))
      (local.set $k (v128.const i32x4 0x4b400000 0x4b400000 0x4b400000 0x4b400000))
      (local.set $p (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 1))))
      (v128.store (local.get $p) (i16x8.narrow_i32x4_s
        (i32x4.sub (f32x4.add (local.get $a) (local.get $v)) (local.get $k))
        (i32x4.sub (f32x4.add (local.get $b) (local.get $v)) (local.get $k))))
      (v128.store offset=16 (local.get $p) (i16x8.narrow_i32x4_s
        (i32x4.sub (f32x4.add (local.get $c2) (local.get $v)) (local.get $k))
        (i32x4.sub (f32x4.add (local.get $d) (local.get $v)) (local.get $k))))
      (local.set $i (i32.add (local.get $i) (i32.const 16)))
      (br $fir)))
    ;; keep E[k0'-12 .. k0'] (the last is the new pending sample, if any) and O[k0'-25 .. k0'-1]
    (call $copy (i32.add (local.get $st) (i32.const 16)) (i32.add (local.get $eb) (i32.shl (local.get $outN) (i32.const 2))) (i32.const 4))
    (call $copy (i32.add (local.get $st) (i32.const 80)) (i32.add (local.get $ob) (i32.shl (local.get $outN) (i32.const 2))) (i32.const 7))
    (local.get $outN))
)
