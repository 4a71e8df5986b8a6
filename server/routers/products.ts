import { router } from '@/server/trpc/init';
import { authedProcedure, roleProcedure } from '@/server/trpc/procedures';
import { callService } from '@/server/trpc/service-adapter';
import { archiveProductInput, createProductInput, reorderProductsInput, updateProductInput } from '@/server/services/reference/product-schemas';
import { createProduct, listActiveProducts, listProductsForAdmin, reorderProducts, setProductArchived, updateProduct } from '@/server/services/reference/products';

const adminProcedure = roleProcedure('admin');

/** Products: the admin edits the catalogue; every signed-in user reads the active ones. */
export const productsRouter = router({
  active: authedProcedure.query(({ ctx }) => callService(() => listActiveProducts(ctx.service))),
  list: adminProcedure.query(({ ctx }) => callService(() => listProductsForAdmin(ctx.service))),
  create: adminProcedure.input(createProductInput).mutation(({ ctx, input }) => callService(() => createProduct(ctx.service, input))),
  update: adminProcedure.input(updateProductInput).mutation(({ ctx, input }) => callService(() => updateProduct(ctx.service, input))),
  setArchived: adminProcedure.input(archiveProductInput).mutation(({ ctx, input }) => callService(() => setProductArchived(ctx.service, input))),
  reorder: adminProcedure.input(reorderProductsInput).mutation(({ ctx, input }) => callService(() => reorderProducts(ctx.service, input))),
});
