/// Where a rendering is written: UTF-8 bytes appended to one growing buffer (a copy per
/// piece, no per-append bookkeeping of `String`), turned into the output string once.
///
/// Long values written as is (page content) go straight to the output string instead, so their
/// bytes are not copied twice.
struct OutputBuffer: ~Copyable {
    /// What was written before the bytes pending in the buffer.
    private var output: String
    private var base: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int

    /// Values at least this long, written as is, go straight to the output string.
    private static let directLength = 1024

    /// A buffer that appends to `output`.
    init(appendingTo output: consuming String, capacity: Int) {
        self.output = output
        self.capacity = max(capacity, 64)
        self.base = .allocate(capacity: self.capacity)
    }

    deinit {
        base.deallocate()
    }

    /// The output string with everything written.
    consuming func finish() -> String {
        flush(reserving: 0)
        return output
    }

    /// Moves the pending bytes to the output string, leaving room for `extra` more bytes.
    private mutating func flush(reserving extra: Int) {
        guard count > 0 else { return }
        let pending = Self.string(UnsafeBufferPointer(start: base, count: count))
        if output.isEmpty && extra == 0 {
            output = pending
        } else {
            output.reserveCapacity(output.utf8.count + count + extra)
            output.append(pending)
        }
        count = 0
    }

    /// The bytes as a string. They are valid UTF-8 (whole strings, and pieces of template text
    /// cut at ASCII bytes or at delimiters, which UTF-8 only matches at character boundaries), so
    /// where the standard library can take them unchecked it does: validating a rendering again
    /// cost as much as a tenth of the rendering. Debug builds check them all the same.
    private static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        // Decoding replaces invalid bytes, so valid bytes are exactly those that decode to themselves.
        assert(String(decoding: bytes, as: UTF8.self).utf8.elementsEqual(bytes), "a rendering is not valid UTF-8")
        if #available(macOS 26, iOS 26, tvOS 26, watchOS 26, visionOS 26, *) {
            return String(copying: UTF8Span(unchecked: bytes.span))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @inline(__always)
    private mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(to: count + extra) }
    }

    private mutating func grow(to minimum: Int) {
        let newCapacity = max(minimum, capacity * 2)
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    /// Appends bytes.
    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        reserve(bytes.count)
        (base + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    /// Appends a slice of a byte array.
    @inline(__always)
    mutating func append(_ bytes: [UInt8], from start: Int, count length: Int) {
        bytes.withUnsafeBufferPointer { buffer in
            append(UnsafeBufferPointer(rebasing: buffer[start..<(start + length)]))
        }
    }

    /// Appends a string as is.
    @inline(__always)
    mutating func append(_ string: String) {
        let utf8 = string.utf8
        if utf8.count >= Self.directLength {
            flush(reserving: utf8.count + Self.directLength)
            output.append(string)
            return
        }
        let handled: Void? = utf8.withContiguousStorageIfAvailable { append($0) }
        if handled == nil { append(Array(utf8), from: 0, count: utf8.count) }
    }

    /// Appends a string with the five HTML characters replaced (see ``HTMLEscaping``).
    @inline(__always)
    mutating func appendEscapingHTML(_ string: String) {
        let utf8 = string.utf8
        let handled: Void? = utf8.withContiguousStorageIfAvailable { appendEscapingHTML($0) }
        if handled == nil {
            Array(utf8).withUnsafeBufferPointer { appendEscapingHTML($0) }
        }
    }

    /// Appends UTF-8 bytes with the five HTML characters replaced.
    mutating func appendEscapingHTML(_ bytes: UnsafeBufferPointer<UInt8>) {
        // Each byte becomes at most six.
        reserve(bytes.count * 6)
        var target = base + count
        for byte in bytes {
            if let entity = HTMLEscaping.entity(for: byte) {
                let start = entity.utf8Start
                for offset in 0..<entity.utf8CodeUnitCount {
                    target[offset] = start[offset]
                }
                target += entity.utf8CodeUnitCount
            } else {
                target.pointee = byte
                target += 1
            }
        }
        count = target - base
    }

    /// Appends an integer in decimal.
    mutating func append(decimal value: Int) {
        // 20 bytes hold Int.min's digits and sign.
        reserve(20)
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        let written = withUnsafeMutableBytes(of: &digits) { scratch in
            var position = scratch.count
            repeat {
                position -= 1
                scratch[position] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if value < 0 {
                position -= 1
                scratch[position] = UInt8(ascii: "-")
            }
            let length = scratch.count - position
            (base + count).update(
                from: scratch.baseAddress!.advanced(by: position).assumingMemoryBound(to: UInt8.self), count: length)
            return length
        }
        count += written
    }
}
