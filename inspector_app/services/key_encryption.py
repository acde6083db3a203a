"""Private keys at rest: PKCS#8 ``ENCRYPTED PRIVATE KEY`` with PBES2, PBKDF2-HMAC-SHA256 at
600,000 iterations and AES-256-CBC.

600,000 iterations is OWASP's recommendation for PBKDF2-HMAC-SHA256 (Password Storage Cheat
Sheet, 2023). The ``cryptography`` library encrypts PKCS#8 keys with far fewer iterations and has
no knob for it, so the structure is built here with asn1crypto; reading stays the library's
(OpenSSL's) standard PKCS#8 decryption. Keys written with fewer iterations are re-encrypted the
next time they are unlocked.
"""

from __future__ import annotations

import os

from asn1crypto import algos, pem
from asn1crypto import keys as asn1_keys
from cryptography.hazmat.primitives import hashes, padding, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

KDF_ITERATIONS = 600_000
_PEM_LABEL = "ENCRYPTED PRIVATE KEY"


def encrypt_private_key(key: ec.EllipticCurvePrivateKey, passphrase: str, *,
                        iterations: int | None = None) -> str:
    """The key as an encrypted PKCS#8 PEM that any PKCS#8 reader (OpenSSL) can open."""
    iterations = iterations or KDF_ITERATIONS
    plain = key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                              serialization.NoEncryption())
    salt, iv = os.urandom(16), os.urandom(16)
    secret = PBKDF2HMAC(hashes.SHA256(), 32, salt, iterations).derive(passphrase.encode())
    padder = padding.PKCS7(128).padder()
    encryptor = Cipher(algorithms.AES(secret), modes.CBC(iv)).encryptor()
    ciphertext = encryptor.update(padder.update(plain) + padder.finalize()) + \
        encryptor.finalize()
    info = asn1_keys.EncryptedPrivateKeyInfo({
        "encryption_algorithm": algos.EncryptionAlgorithm({
            "algorithm": "pbes2",
            "parameters": algos.Pbes2Params({
                "key_derivation_func": algos.KdfAlgorithm({
                    "algorithm": "pbkdf2",
                    "parameters": algos.Pbkdf2Params({
                        "salt": {"specified": salt}, "iteration_count": iterations,
                        "key_length": 32,
                        "prf": algos.HmacAlgorithm({"algorithm": "sha256"})})}),
                "encryption_scheme": algos.EncryptionAlgorithm({
                    "algorithm": "aes256_cbc", "parameters": iv})})}),
        "encrypted_data": ciphertext})
    return pem.armor(_PEM_LABEL, info.dump()).decode()


def kdf_iterations(key_pem: str) -> int | None:
    """The PBKDF2 iteration count protecting ``key_pem``; None when it is not PBES2/PBKDF2
    (an older or foreign format, which counts as weak)."""
    try:
        _, _, der = pem.unarmor(key_pem.encode())
        algorithm = asn1_keys.EncryptedPrivateKeyInfo.load(der)["encryption_algorithm"]
        if algorithm["algorithm"].native != "pbes2":
            return None
        kdf = algorithm["parameters"]["key_derivation_func"]
        if kdf["algorithm"].native != "pbkdf2":
            return None
        return int(kdf["parameters"]["iteration_count"].native)
    except (ValueError, KeyError, TypeError):
        return None


def needs_stronger_encryption(key_pem: str) -> bool:
    return (kdf_iterations(key_pem) or 0) < KDF_ITERATIONS
