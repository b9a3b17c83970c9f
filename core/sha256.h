/* sha256.h - SHA-256 (FIPS 180-4), to check a bundle whole before using it. */
#ifndef KZ_SHA256_H
#define KZ_SHA256_H

#include <stddef.h>
#include <stdint.h>

struct kz_sha256 {
	uint32_t h[8];
	uint64_t bytes;
	unsigned char block[64];
	size_t fill;
};

void kz_sha256_init(struct kz_sha256 *c);
void kz_sha256_update(struct kz_sha256 *c, const void *data, size_t len);
void kz_sha256_final(struct kz_sha256 *c, unsigned char out[32]);
/* The digest of data as 64 lower-case hex digits. */
void kz_sha256_hex(const void *data, size_t len, char out[65]);

#endif
