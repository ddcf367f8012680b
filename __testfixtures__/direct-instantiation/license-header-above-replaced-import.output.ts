/*
 * Copyright (c) 2024 Netra Systems. All rights reserved.
 */
// SPDX-License-Identifier: Apache-2.0
import { createUserExecutionEngine } from '../agents/supervisor/execution_engine_factory';

export function handle(userId: string): string {
  return createUserExecutionEngine({ userId }).run('handle');
}
