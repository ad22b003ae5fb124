package dev.ddbkit.emulator.internal.store;

import dev.ddbkit.emulator.internal.value.Bytes;
import dev.ddbkit.emulator.internal.value.Value;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A compact binary form of an item, so that a stored item costs one byte array rather than a graph of maps
 * and records (a million items of ~100 bytes fit in a few hundred MB). Layout: varint count, then per
 * attribute a length-prefixed UTF-8 name and a tagged value.
 */
public final class ItemCodec {
  private static final byte S = 1;
  private static final byte N = 2;
  private static final byte B = 3;
  private static final byte TRUE = 4;
  private static final byte FALSE = 5;
  private static final byte NULL = 6;
  private static final byte L = 7;
  private static final byte M = 8;
  private static final byte SS = 9;
  private static final byte NS = 10;
  private static final byte BS = 11;

  private ItemCodec() {}

  public static byte[] encode(Map<String, Value> item) {
    Out out = new Out();
    writeMap(item, out);
    return out.toByteArray();
  }

  public static Map<String, Value> decode(byte[] bytes) {
    return readMap(new In(bytes));
  }

  private static void writeMap(Map<String, Value> map, Out out) {
    out.varint(map.size());
    for (Map.Entry<String, Value> e : map.entrySet()) {
      out.string(e.getKey());
      writeValue(e.getValue(), out);
    }
  }

  private static void writeValue(Value v, Out out) {
    if (v instanceof Value.S s) {
      out.write(S);
      out.string(s.value());
    } else if (v instanceof Value.N n) {
      out.write(N);
      number(n.value(), out);
    } else if (v instanceof Value.B b) {
      out.write(B);
      out.bytes(b.value().toArray());
    } else if (v instanceof Value.Bool b) {
      out.write(b.value() ? TRUE : FALSE);
    } else if (v instanceof Value.Null) {
      out.write(NULL);
    } else if (v instanceof Value.L l) {
      out.write(L);
      out.varint(l.values().size());
      for (Value x : l.values()) {
        writeValue(x, out);
      }
    } else if (v instanceof Value.M m) {
      out.write(M);
      writeMap(m.values(), out);
    } else if (v instanceof Value.SS ss) {
      out.write(SS);
      out.varint(ss.values().size());
      for (String s : ss.values()) {
        out.string(s);
      }
    } else if (v instanceof Value.NS ns) {
      out.write(NS);
      out.varint(ns.values().size());
      for (BigDecimal d : ns.values()) {
        number(d, out);
      }
    } else {
      Value.BS bs = (Value.BS) v;
      out.write(BS);
      out.varint(bs.values().size());
      for (Bytes b : bs.values()) {
        out.bytes(b.toArray());
      }
    }
  }

  private static void number(BigDecimal d, Out out) {
    out.zigzag(d.scale());
    out.bytes(d.unscaledValue().toByteArray());
  }

  private static BigDecimal number(In in) {
    int scale = in.zigzag();
    return new BigDecimal(new BigInteger(in.bytes()), scale);
  }

  private static Map<String, Value> readMap(In in) {
    int n = in.varint();
    Map<String, Value> map = new LinkedHashMap<>(Math.max(4, n * 2));
    for (int i = 0; i < n; i++) {
      String name = in.string();
      map.put(name, readValue(in));
    }
    return map;
  }

  private static Value readValue(In in) {
    byte tag = in.read();
    switch (tag) {
      case S:
        return new Value.S(in.string());
      case N:
        return new Value.N(number(in));
      case B:
        return new Value.B(Bytes.of(in.bytes()));
      case TRUE:
        return Value.TRUE;
      case FALSE:
        return Value.FALSE;
      case NULL:
        return Value.NULL;
      case L: {
        int n = in.varint();
        List<Value> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          list.add(readValue(in));
        }
        return new Value.L(list);
      }
      case M:
        return new Value.M(readMap(in));
      case SS: {
        int n = in.varint();
        Set<String> set = new LinkedHashSet<>();
        for (int i = 0; i < n; i++) {
          set.add(in.string());
        }
        return new Value.SS(set);
      }
      case NS: {
        int n = in.varint();
        Set<BigDecimal> set = new LinkedHashSet<>();
        for (int i = 0; i < n; i++) {
          set.add(number(in));
        }
        return new Value.NS(set);
      }
      case BS: {
        int n = in.varint();
        Set<Bytes> set = new LinkedHashSet<>();
        for (int i = 0; i < n; i++) {
          set.add(Bytes.of(in.bytes()));
        }
        return new Value.BS(set);
      }
      default:
        throw new IllegalStateException("Corrupt stored item: tag " + tag);
    }
  }

  private static final class Out extends ByteArrayOutputStream {
    Out() {
      super(64);
    }

    void varint(int v) {
      while ((v & ~0x7F) != 0) {
        write((v & 0x7F) | 0x80);
        v >>>= 7;
      }
      write(v);
    }

    void zigzag(int v) {
      varint((v << 1) ^ (v >> 31));
    }

    void bytes(byte[] b) {
      varint(b.length);
      write(b, 0, b.length);
    }

    void string(String s) {
      bytes(s.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static final class In {
    private final byte[] buf;
    private int pos;

    In(byte[] buf) {
      this.buf = buf;
    }

    byte read() {
      return buf[pos++];
    }

    int varint() {
      int v = 0;
      int shift = 0;
      while (true) {
        byte b = buf[pos++];
        v |= (b & 0x7F) << shift;
        if ((b & 0x80) == 0) {
          return v;
        }
        shift += 7;
      }
    }

    int zigzag() {
      int v = varint();
      return (v >>> 1) ^ -(v & 1);
    }

    byte[] bytes() {
      int n = varint();
      byte[] b = new byte[n];
      System.arraycopy(buf, pos, b, 0, n);
      pos += n;
      return b;
    }

    String string() {
      int n = varint();
      String s = new String(buf, pos, n, StandardCharsets.UTF_8);
      pos += n;
      return s;
    }
  }
}
