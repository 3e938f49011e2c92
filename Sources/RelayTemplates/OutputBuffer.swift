/// Where a rendering is written: UTF-8 bytes appended to one growing buffer (a copy per
/// piece, no per-append bookkeeping of `String`), turned into the output string once.
///
/// Long values written as is (page content) go straight to the output string instead, so their
/// bytes are not copied twice and not validated again.
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

    /// Moves the pending bytes to the output string (they are valid UTF-8: whole strings and
    /// pieces cut at ASCII bytes).
    private mutating func flush(reserving extra: Int) {
        guard count > 0 else { return }
        let pending = UnsafeBufferPointer(start: base, count: count)
        if output.isEmpty {
            output = String(unsafeUninitializedCapacity: count + extra) { target in
                _ = target.initialize(from: pending)
                return pending.count
            }
        } else {
            output.reserveCapacity(output.utf8.count + count + extra)
            output.append(String(decoding: pending, as: UTF8.self))
        }
        count = 0
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
        var runStart = 0
        for index in 0..<bytes.count {
            let byte = bytes[index]
            guard HTMLEscaping.mayNeedEscaping(byte), let entity = HTMLEscaping.entity(for: byte) else { continue }
            if runStart < index {
                append(UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            }
            append(UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
            runStart = index + 1
        }
        if runStart < bytes.count {
            append(UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
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
